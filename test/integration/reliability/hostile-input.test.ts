/**
 * Bad input, tried as a hostile or careless user would (issue 9, item 3): config of the wrong type
 * and out-of-range ports, relation data with missing keys, wrong types, 1 MB values, YAML and shell
 * metacharacters, malformed layer and compose files, a broken unit-state file. Each must give a
 * clear error naming what is wrong and where, `blocked` where it is the operator's mistake, no
 * injection into the compose file, the hook-tool arguments or a shell, and nothing lost.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCharm, BuildError, LayerFileError } from '../../../framework/build';
import { ComposeFileError, parseCompose, UnsupportedComposeKeyError } from '../../../framework/docker';
import { buildCrashy, CRASHY_DEFAULTS, CrashyUnit, FIXTURES, ROOT } from './support/crashy-unit';

jest.setTimeout(180_000);

const CANARY = join(tmpdir(), `rxcharm-reliability-pwned-${process.pid}`);
/** Strings that break naive YAML templating, shells or argument parsing; none may have any effect. */
const HOSTILE = [
  `a";touch ${CANARY};echo "`,
  `$(touch ${CANARY})`,
  `\`touch ${CANARY}\``,
  `x\n    privileged: true\n  evil:\n    image: busybox`,
  `'; rm -rf / #`,
  `{{motd}} \${HOME} $HOME $$ %s %n`,
  `--help`,
  `-- -r db:0 evil=1`,
  `key: value # comment\n- item`,
  `\u2028sep\u00a0nbsp\u0085nel\u001bESC ünïcödé 🎉`,
];
/** The same without whitespace (interface:redis refuses a host with whitespace before it is used). */
const HOSTILE_TOKENS = [
  `$(touch\${IFS}${CANARY})`,
  `\`touch\${IFS}${CANARY}\``,
  `a";touch\${IFS}${CANARY};"`,
  `\${HOME}$HOME$$\${X:?boom}`,
  `--help`,
  `-r`,
  `x:{y}&|;<>*!#'"\\`,
  `ünïcödé🎉`,
];

let buildDir: string;
let built: string;
let unit: CrashyUnit;

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'rxcharm-reliability-build-'));
  built = await buildCrashy(buildDir);
});
afterAll(() => {
  rmSync(buildDir, { recursive: true, force: true });
  rmSync(CANARY, { force: true });
});
beforeEach(async () => {
  unit = CrashyUnit.create(built);
  const install = await unit.run('install');
  expect(install.exitCode).toBe(0);
});
afterEach(() => unit.dispose());

const composeFile = (): string => join(unit.charmDir, 'files', 'compose', 'docker-compose.yml');
const lastLine = (stderr: string): string =>
  stderr
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('@@rel'))
    .pop() ?? '';

/** The web service's environment as compose reads the rendered file (no variables defined). */
function renderedWebEnv(): Record<string, string | null> {
  const text = readFileSync(composeFile(), 'utf8');
  const model = parseCompose(text, { file: composeFile(), env: {} });
  expect(Object.keys(model.services).sort()).toEqual(['web', 'worker']);
  return model.services.web?.environment ?? {};
}

describe('config', () => {
  test.each([
    ['port', 'eighty', /port/],
    ['port', 80.5, /port/],
    ['compose', 'yes', /compose/],
    ['motd', 42, /motd/],
  ])('%s = %j (wrong type): the hook fails naming the option, the state is untouched', async (key, value, named) => {
    const before = unit.stateBytes();
    unit.juju.setConfig({ [key]: value });
    const run = await unit.run('config-changed');
    expect(run.exitCode).toBe(1);
    expect(lastLine(run.stderr)).toMatch(/^rxcharm: config-changed failed: /);
    expect(lastLine(run.stderr)).toMatch(named);
    expect(unit.stateBytes()).toBe(before);
    // Fixing the config makes the next hook succeed (nothing was lost meanwhile).
    unit.juju.setConfig({ [key]: CRASHY_DEFAULTS[key] ?? null });
    expect((await unit.run('config-changed')).exitCode).toBe(0);
  });

  test.each([0, -1, 65536, 70000])(
    'port %d (out of range): blocked naming the option, hook succeeds, compose file kept',
    async (port) => {
      const rendered = readFileSync(composeFile(), 'utf8');
      unit.juju.setConfig({ port });
      const run = await unit.run('config-changed');
      expect(run.exitCode).toBe(0);
      expect(unit.juju.status()).toEqual({
        status: 'blocked',
        message: `Invalid config: port ${port} is not a TCP port (1-65535)`,
      });
      expect(readFileSync(composeFile(), 'utf8')).toBe(rendered);
    },
  );

  test('hostile free text reaches the compose file and status-set verbatim, runs nothing', async () => {
    for (const motd of HOSTILE) {
      unit.juju.setConfig({ motd });
      const run = await unit.run('config-changed');
      expect(run.exitCode).toBe(0);
      const status = unit.juju.status();
      expect(status.status).toBe('active');
      expect(status.message.replace(/^seq \d+: /, '')).toBe(motd);
      expect(renderedWebEnv().MOTD).toBe(motd);
      expect(statSync(composeFile()).mode & 0o777).toBe(0o600);
    }
    expect(existsSync(CANARY)).toBe(false);
  });

  test('a NUL byte (cannot be passed to status-set): the hook fails with a typed tool error, state untouched', async () => {
    const before = unit.stateBytes();
    unit.juju.setConfig({ motd: 'bad\u0000byte' });
    const run = await unit.run('config-changed');
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/cannot run status-set: .*null bytes/);
    expect(lastLine(run.stderr)).toMatch(
      /^rxcharm: config-changed failed: handler crashy:reactive\/crashy\.ts:Crashy\.step failed: .*status-set/,
    );
    expect(unit.stateBytes()).toBe(before);
  });
});

describe('relation data', () => {
  async function relate(
    data: Record<string, string>,
  ): Promise<{ rel: string; exitCode: number | null; stderr: string }> {
    const rel = unit.juju.addRelation('backend', 'redis');
    unit.juju.addRemoteUnit(rel, 'redis/0', data);
    const run = await unit.run('backend-relation-joined', { relation: { relationId: rel, remoteUnit: 'redis/0' } });
    return { rel, exitCode: run.exitCode, stderr: run.stderr };
  }

  test.each([
    ['missing port', { host: '10.0.0.5' }, /key port: no port published yet/],
    ['missing host', { port: '6379' }, /key host: no host/],
    ['port of the wrong type', { host: '10.0.0.5', port: 'six' }, /key port: not a TCP port/],
    ['port out of range', { host: '10.0.0.5', port: '99999' }, /key port: not a TCP port/],
    ['host with a newline', { host: 'a\nb: c', port: '6379' }, /key host: not a host name/],
  ])('%s: a logged problem naming unit and key, no backend used, the hook succeeds', async (_name, data, problem) => {
    const { exitCode, stderr } = await relate(data);
    expect(exitCode).toBe(0);
    expect(stderr).toMatch(problem);
    expect(stderr).toMatch(/unit redis\/0/);
    expect(renderedWebEnv().BACKEND_HOST).toBe('');
    expect(JSON.parse(unit.stateBytes()).flags).not.toContain('backend.available');
  });

  test('a 1 MB value is carried faithfully (no truncation, no argv limit) and a later hook still works', async () => {
    const huge = 'h'.repeat(1024 * 1024);
    const { exitCode, stderr } = await relate({ host: huge, port: '6379', blob: 'b'.repeat(1024 * 1024) });
    expect({ exitCode, tail: lastLine(stderr) }).toEqual({ exitCode: 0, tail: expect.any(String) });
    expect(renderedWebEnv().BACKEND_HOST).toBe(huge);
    // Only hashes of received values are stored, so the unit state stays small.
    expect(unit.stateBytes().length).toBeLessThan(64 * 1024);
    expect((await unit.run('update-status')).exitCode).toBe(0);
  });

  test('hostile values without whitespace land in the compose file as exact strings', async () => {
    const values = HOSTILE_TOKENS;
    const rel = unit.juju.addRelation('backend', 'redis');
    unit.juju.addRemoteUnit(rel, 'redis/0', { host: 'first', port: '6379' });
    expect(
      (await unit.run('backend-relation-joined', { relation: { relationId: rel, remoteUnit: 'redis/0' } })).exitCode,
    ).toBe(0);
    for (const host of values) {
      unit.juju.setRemoteData(rel, 'redis/0', { host, port: '6379' });
      const run = await unit.run('backend-relation-changed', { relation: { relationId: rel, remoteUnit: 'redis/0' } });
      expect(run.exitCode).toBe(0);
      expect(renderedWebEnv().BACKEND_HOST).toBe(host);
    }
    expect(existsSync(CANARY)).toBe(false);
  });
});

describe('unit state file', () => {
  test.each([
    ['truncated JSON', (s: string) => s.slice(0, Math.floor(s.length / 2))],
    ['not JSON', () => 'garbage\u0000\u0001'],
    ['wrong shape', () => JSON.stringify({ version: 1, flags: 'docker.available', kv: [] })],
    ['empty', () => ''],
  ])('%s: clear error naming the file, a backup kept, never silently reset', async (_name, corrupt) => {
    const bad = corrupt(unit.stateBytes());
    writeFileSync(unit.stateFile, bad);
    for (let i = 0; i < 2; i++) {
      const run = await unit.run('update-status');
      expect(run.exitCode).toBe(1);
      expect(lastLine(run.stderr)).toMatch(/^rxcharm: update-status failed: .*unit-state\.json/);
      expect(run.stderr).toMatch(/unit-state\.json\.corrupt-1/);
    }
    // The bad file is still there (not reset), the backup holds the same bytes, and only one backup
    // exists after two failed hooks.
    expect(unit.stateBytes()).toBe(bad);
    const dir = join(unit.charmDir, '.rxcharm');
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toEqual(['unit-state.json.corrupt-1']);
    expect(readFileSync(join(dir, 'unit-state.json.corrupt-1'), 'utf8')).toBe(bad);
  });
});

describe('malformed layer and compose files', () => {
  function layer(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'rxcharm-reliability-layer-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }
  const meta = 'name: bad\nsummary: s\ndescription: d\n';

  test.each([
    ['layer.yaml is not YAML', { 'layer.yaml': 'includes: [layer:basic\n', 'metadata.yaml': meta }, /layer\.yaml/],
    [
      'layer.yaml includes a missing layer',
      { 'layer.yaml': 'includes: ["layer:no-such-layer"]\n', 'metadata.yaml': meta },
      /no-such-layer/,
    ],
    [
      'metadata.yaml is a list',
      { 'layer.yaml': 'includes: ["layer:basic"]\n', 'metadata.yaml': '- a\n- b\n' },
      /metadata\.yaml/,
    ],
    [
      'config.yaml options are a list',
      { 'layer.yaml': 'includes: ["layer:basic"]\n', 'metadata.yaml': meta, 'config.yaml': 'options:\n  - x\n' },
      /config\.yaml\n.*`options` must be a mapping/,
    ],
    [
      'a config.yaml option is a number',
      { 'layer.yaml': 'includes: ["layer:basic"]\n', 'metadata.yaml': meta, 'config.yaml': 'options:\n  port: 80\n' },
      /config\.yaml\n.*options\.port must be a mapping/,
    ],
  ])('%s: a BuildError naming the file, no output written', async (_name, files, named) => {
    const dir = layer(files);
    const out = `${dir}-out`;
    try {
      const error = await buildCharm({
        layerDir: dir,
        outputDir: out,
        searchPath: { layers: [join(ROOT, 'layers')], interfaces: [join(ROOT, 'interfaces')] },
        packageRoot: ROOT,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BuildError);
      expect((error as Error).message).toMatch(named);
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('a layer.yaml syntax error names file and line', async () => {
    const dir = layer({ 'layer.yaml': 'includes:\n  - layer:basic\noptions: {\n', 'metadata.yaml': meta });
    try {
      const error = await buildCharm({
        layerDir: dir,
        outputDir: join(dir, 'out'),
        searchPath: { layers: [join(ROOT, 'layers')], interfaces: [] },
        packageRoot: ROOT,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LayerFileError);
      expect((error as LayerFileError).context).toMatchObject({
        file: expect.stringContaining('layer.yaml'),
        line: expect.any(Number),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    ['not YAML', 'services:\n  web:\n    image: [busybox\n', ComposeFileError],
    ['a service that is a string', 'services:\n  web: busybox\n', ComposeFileError],
    [
      'an unsupported key',
      'services:\n  web:\n    image: busybox\n    privileged_plus: true\n',
      UnsupportedComposeKeyError,
    ],
    ['ports of the wrong type', 'services:\n  web:\n    image: busybox\n    ports: 80\n', ComposeFileError],
  ])('compose file %s: a typed error naming file and location', (_name, text, Type) => {
    let error: unknown;
    try {
      parseCompose(text, { file: '/srv/app/docker-compose.yml', env: {} });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Type);
    expect((error as Error).message).toContain('/srv/app/docker-compose.yml');
    expect((error as Error).message).toMatch(/ at /);
  });

  test('the fixture charm itself proofs and builds (control for the cases above)', () => {
    expect(existsSync(join(built, 'lib', 'charm.js'))).toBe(true);
    expect(existsSync(join(FIXTURES, 'layers', 'crashy', 'layer.yaml'))).toBe(true);
  });
});
