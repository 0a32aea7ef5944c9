import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeJuju } from '../../fixtures/fake-juju';

// The fake tool executables themselves: Juju's output formats, exit codes and ERROR lines.
jest.setTimeout(60_000);

let charmDir: string;
let juju: FakeJuju;
let rel: string;

beforeEach(() => {
  charmDir = mkdtempSync(join(tmpdir(), 'rxcharm-fake-tools-'));
  juju = FakeJuju.create({ charmDir, unit: 'web/0', config: { port: 80, name: null, enabled: true } });
  rel = juju.addRelation('db', 'kv');
  juju.addRemoteUnit(rel, 'kv/0', { host: '10.0.0.5' });
});
afterEach(() => {
  juju.dispose();
  rmSync(charmDir, { recursive: true, force: true });
});

function tool(
  args: string[],
  env: Record<string, string> = juju.env('db-relation-changed', { relation: { relationId: rel, remoteUnit: 'kv/0' } }),
  input?: string,
) {
  const [name, ...rest] = args as [string, ...string[]];
  const r = spawnSync(join(juju.binDir, name), rest, { env, cwd: charmDir, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("the hook environment is Juju's: no HOME, tools first on PATH, dispatch path set", () => {
  const env = juju.env('db-relation-departed', {
    relation: { relationId: rel, remoteUnit: 'kv/0', departingUnit: 'kv/0' },
  });
  expect(env.HOME).toBeUndefined();
  expect(env.PATH?.split(':')[0]).toBe(juju.binDir);
  expect(env).toMatchObject({
    JUJU_DISPATCH_PATH: 'hooks/db-relation-departed',
    JUJU_HOOK_NAME: 'db-relation-departed',
    JUJU_RELATION: 'db',
    JUJU_RELATION_ID: rel,
    JUJU_REMOTE_UNIT: 'kv/0',
    JUJU_REMOTE_APP: 'kv',
    JUJU_DEPARTING_UNIT: 'kv/0',
    JUJU_UNIT_NAME: 'web/0',
  });
  expect(juju.env('backup', { action: true })).toMatchObject({
    JUJU_DISPATCH_PATH: 'actions/backup',
    JUJU_ACTION_NAME: 'backup',
    JUJU_HOOK_NAME: '',
  });
});

test('smart, yaml and json formats', () => {
  expect(tool(['config-get', 'port']).stdout).toBe('80\n');
  expect(tool(['config-get', 'enabled']).stdout).toBe('True\n');
  expect(tool(['config-get', 'name']).stdout).toBe('');
  expect(tool(['config-get', 'name', '--format=json']).stdout).toBe('null\n');
  expect(tool(['config-get']).stdout).toBe('enabled: true\nport: 80\n');
  expect(tool(['config-get', '--all', '--format', 'json']).stdout).toBe('{"enabled":true,"name":null,"port":80}\n');
  expect(tool(['relation-ids', 'db']).stdout).toBe(`${rel}\n`);
  expect(tool(['relation-get', 'host']).stdout).toBe('10.0.0.5\n');
  expect(tool(['relation-get', '-', 'kv/0', '--format=yaml']).stdout).toBe('host: 10.0.0.5\n');
  expect(tool(['is-leader']).stdout).toBe('True\n');
  expect(tool(['relation-list', '--format=json']).stdout).toBe('["kv/0"]\n');
});

test('usage errors exit 2, runtime errors exit 1, both with an ERROR line', () => {
  expect(tool(['status-set', 'error', 'x'])).toEqual({
    code: 2,
    stdout: '',
    stderr: 'ERROR invalid status "error", expected one of [maintenance blocked waiting active]\n',
  });
  expect(tool(['relation-get', '-r', 'db:42', 'host'])).toMatchObject({
    code: 2,
    stderr: 'ERROR invalid value "db:42" for option -r: relation not found\n',
  });
  expect(tool(['relation-set', 'novalue'])).toMatchObject({
    code: 2,
    stderr: 'ERROR expected "key=value", got "novalue"\n',
  });
  expect(tool(['relation-set', 'a=1', 'a=2'])).toMatchObject({
    code: 2,
    stderr: 'ERROR key "a" specified more than once\n',
  });
  expect(tool(['open-port'])).toMatchObject({ code: 2, stderr: 'ERROR no port or range specified\n' });
  expect(tool(['config-get', '--bogus'])).toMatchObject({
    code: 2,
    stderr: 'ERROR option provided but not defined: --bogus\n',
  });
  expect(tool(['relation-get', 'host', 'kv/9'])).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('settings not found'),
  });
  expect(tool(['action-get'])).toMatchObject({ code: 1, stderr: 'ERROR not running an action\n' });
  const noContext = { ...juju.env('install') };
  delete noContext.JUJU_CONTEXT_ID;
  expect(tool(['is-leader'], noContext)).toMatchObject({ code: 1, stderr: 'ERROR JUJU_CONTEXT_ID not set\n' });
});

test('relation-set: --file - YAML, trimmed key=value pairs override, empty value deletes; buffered until commit', () => {
  expect(tool(['relation-set', '--file', '-', ' b = 2 ', 'gone='], undefined, 'a: 1\nb: x\ngone: y\n').code).toBe(0);
  expect(juju.model().pending.relations[rel]?.unit).toEqual({ a: '1', b: '2' });
  expect(JSON.parse(tool(['relation-get', '--format=json', '-', 'web/0']).stdout)).toEqual({ a: '1', b: '2' });
  expect(juju.published(rel)).toEqual({});
  juju.setLeader(false);
  expect(tool(['relation-set', '--app', 'x=1'])).toMatchObject({
    code: 1,
    stderr: 'ERROR cannot write relation settings\n',
  });
});

test('every call is recorded, failed ones too, and injected failures apply', () => {
  juju.failTool('config-get', 'controller unreachable');
  expect(tool(['config-get'])).toMatchObject({ code: 1, stderr: 'ERROR controller unreachable\n' });
  tool(['status-set', 'bogus']);
  expect(juju.calls().map((c) => [c.tool, c.exitCode])).toEqual([
    ['config-get', 1],
    ['status-set', 2],
  ]);
});

test('a hook that fails has its writes discarded, one that succeeds has them committed', async () => {
  const script = (code: number): string[] => [
    '/bin/sh',
    '-c',
    `relation-set -r ${rel} k=v && open-port 8080/udp && status-set active up && exit ${code}`,
  ];
  const failed = await juju.runHook('config-changed', { command: script(3) });
  expect(failed.exitCode).toBe(3);
  expect(juju.published(rel)).toEqual({});
  expect(juju.ports()).toEqual([]);
  // status-set is immediate in Juju: kept even though the hook failed.
  expect(juju.status()).toEqual({ status: 'active', message: 'up' });
  const ok = await juju.runHook('config-changed', { command: script(0) });
  expect(ok.exitCode).toBe(0);
  expect(juju.published(rel)).toEqual({ k: 'v' });
  expect(juju.ports()).toEqual(['8080/udp']);
});
