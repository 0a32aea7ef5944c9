import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildCliBundle } from '../../support/cli-bundle';
import { CHARMS } from './agent-fixture';

const exec = promisify(execFile);
const root = resolve(__dirname, '../../..');
// A private bundle of the current CLI (same options as scripts/build-cli.mjs), so this suite
// neither depends on nor races with a shared dist/ rebuild.
const bundle = join(root, 'node_modules/.cache/rxcharm-agent-e2e/rxcharm.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function rxcharm(modelDir: string, ...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bundle, ...args], {
      env: { ...process.env, RXCHARM_MODEL: modelDir, RXCHARM_UNIT_ADDRESS: '10.9.8.7' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('rxcharm agent commands (CLI)', () => {
  let dir: string;
  let model: string;
  beforeAll(async () => {
    await buildCliBundle(bundle);
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rxcharm-agent-cli-'));
    model = join(dir, 'model');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('deploys with progress, shows status as a table and JSON, prints and refuses config', async () => {
    const deploy = await rxcharm(
      model,
      'deploy',
      join(CHARMS, 'provider'),
      'kv',
      '--config',
      'greeting=hey',
      '--config',
      'port=8001',
    );
    expect(deploy.code).toBe(0);
    expect(deploy.stdout).toMatch(/^kv\/0: install \.\.\. ok \(\d+\.\ds\)\nkv\/0: leader-elected \.\.\. ok/);
    expect(deploy.stdout).toContain('deployed kv (kv/0)');
    const table = await rxcharm(model, 'status');
    expect(table.stdout).toMatch(/kv\/0\*\s+active\s+idle\s+10\.9\.8\.7\s+8001\/tcp\s+ready/);
    const json = JSON.parse((await rxcharm(model, 'status', '--format', 'json')).stdout);
    expect(json.applications.kv.units['kv/0']).toMatchObject({
      workload: 'active',
      address: '10.9.8.7',
      ports: ['8001/tcp'],
    });
    expect((await rxcharm(model, 'config', 'kv')).stdout).toBe(
      'greeting: hey\nport: 8001\ndebug: false\nratio: 0.5\nnothing: null\n',
    );
    const bad = await rxcharm(model, 'config', 'kv', 'port=x', 'colour=red');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'ERROR invalid config for kv:\n  port: expected int, got "x"\n  colour: unknown option',
    );
    expect(JSON.parse((await rxcharm(model, 'config', 'kv', '--format', 'json')).stdout).port).toBe(8001);
    expect((await rxcharm(model, 'deploy', join(CHARMS, 'provider'), 'kv', '-n', 'zero')).code).toBe(2);
    expect((await rxcharm(model, 'remove-unit', 'kv/7')).stderr).toContain('ERROR unit not found: kv/7');
  });

  it('fails a hook, exits non-zero from wait, resolves, and runs actions', async () => {
    await rxcharm(model, 'deploy', join(CHARMS, 'provider'));
    const action = await rxcharm(model, 'run-action', 'provider/0', 'echo', 'text=hi');
    expect(action).toMatchObject({ code: 0, stdout: 'out: hi\nunit: provider/0\nreturn-code: 0\n' });
    const failed = await rxcharm(model, 'run-action', 'provider/0', 'explode');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('ERROR action explode failed on provider/0: exploded on request');
    const unitDir = join(model, 'units/provider-0/charm');
    readFileSync(join(unitDir, 'hooks.log'));
    await exec('touch', [join(unitDir, 'fail-config-changed')]);
    const config = await rxcharm(model, 'config', 'provider', 'greeting=boom');
    expect(config.stdout).toContain('provider/0: config-changed ... failed: exit code 1');
    expect(config.stderr).toContain('WARNING provider/0 is in error: hook failed: "config-changed"');
    const wait = await rxcharm(model, 'wait', '--timeout', '30s');
    expect(wait.code).toBe(1);
    expect(wait.stderr).toContain('ERROR 1 unit(s) in error: provider/0');
    const log = await rxcharm(model, 'debug-log', '--unit', 'provider/0', '--lines', '50');
    expect(log.stdout).toMatch(
      /provider\/0 WARNING unit\.provider\/0\.config-changed: failing config-changed on purpose/,
    );
    expect(log.stdout).toMatch(/provider\/0 INFO unit\.provider\/0\.juju-log: elected leader/);
    const resolved = await rxcharm(model, 'resolve', 'provider/0', '--no-retry');
    expect(resolved.code).toBe(0);
    expect((await rxcharm(model, 'wait')).stdout).toBe('all queues empty\n');
  });

  it('applies 20 concurrent config/relate/unrelate commands without losing any', async () => {
    await rxcharm(model, 'deploy', join(CHARMS, 'provider'));
    await rxcharm(model, 'deploy', join(CHARMS, 'provider'), 'other');
    await rxcharm(model, 'deploy', join(CHARMS, 'consumer'));
    const wave1 = [
      ['relate', 'consumer:db', 'provider'],
      ['relate', 'consumer:backup', 'other'],
      ...Array.from({ length: 9 }, (_, i) => ['config', 'provider', `greeting=p${i}`]),
      ...Array.from({ length: 9 }, (_, i) => ['config', 'other', `greeting=o${i}`]),
    ];
    const runs = await Promise.all(wave1.map((args) => rxcharm(model, ...args)));
    expect(runs.filter((r) => r.code !== 0)).toEqual([]);
    const hooks = (unit: string): string[] =>
      readFileSync(join(model, 'units', unit, 'charm/hooks.log'), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('config-changed|'));
    expect(hooks('provider-0')).toHaveLength(10);
    expect(hooks('other-0')).toHaveLength(10);
    let status = JSON.parse((await rxcharm(model, 'status', '--format', 'json')).stdout);
    expect(
      status.relations
        .filter((r: { type: string }) => r.type === 'regular')
        .map((r: { requirer: string }) => r.requirer)
        .sort(),
    ).toEqual(['consumer:backup', 'consumer:db']);

    const wave2 = [
      ['unrelate', 'consumer:db', 'provider'],
      ['unrelate', 'consumer:backup', 'other'],
      ...Array.from({ length: 18 }, (_, i) => ['config', 'consumer', `port=${9000 + i}`]),
    ];
    const runs2 = await Promise.all(wave2.map((args) => rxcharm(model, ...args)));
    expect(runs2.filter((r) => r.code !== 0)).toEqual([]);
    expect(hooks('consumer-0')).toHaveLength(19);
    status = JSON.parse((await rxcharm(model, 'status', '--format', 'json')).stdout);
    expect(status.relations.map((r: { type: string }) => r.type)).toEqual(['peer']);
    const doc = JSON.parse(readFileSync(join(model, 'model.json'), 'utf8'));
    for (const app of Object.values(doc.applications) as Array<{
      units: Record<string, { queue: unknown[]; error: unknown }>;
    }>) {
      for (const unit of Object.values(app.units)) expect(unit).toMatchObject({ queue: [], error: null });
    }
  });
});
