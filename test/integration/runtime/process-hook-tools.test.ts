import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HookToolError,
  HookToolPermissionError,
  ProcessHookTools,
  Redactor,
  RelationNotFoundError,
  spawnToolRunner,
  UnitNotFoundError,
} from '../../../framework/hookenv';
import { FakeJuju } from '../../fixtures/fake-juju';

// ProcessHookTools spawning the fake tool executables: argv, formats and exit codes end to end.
jest.setTimeout(60_000);

let charmDir: string;
let juju: FakeJuju;
let rel: string;

beforeEach(() => {
  charmDir = mkdtempSync(join(tmpdir(), 'rxcharm-tools-'));
  juju = FakeJuju.create({ charmDir, unit: 'web/0', leader: false, config: { port: 80, name: null } });
  rel = juju.addRelation('db', 'kv');
  juju.addRemoteUnit(rel, 'kv/0', { host: '10.0.0.5' });
  juju.setRemoteAppData(rel, { version: '7' });
});
afterEach(() => {
  juju.dispose();
  rmSync(charmDir, { recursive: true, force: true });
});

function tools(hook = 'db-relation-changed', redactor = new Redactor()): ProcessHookTools {
  const env = juju.env(hook, { relation: { relationId: rel, remoteUnit: 'kv/0' } });
  return new ProcessHookTools({ runner: spawnToolRunner({ env, cwd: charmDir }), redactor });
}

test('reads: config, relation ids, units, bags, leadership, addresses', async () => {
  const t = tools();
  expect(await t.configGet()).toEqual({ port: 80, name: null });
  expect(await t.relationIds('db')).toEqual([rel]);
  expect(await t.relationIds('other')).toEqual([]);
  expect(await t.relationList(rel)).toEqual(['kv/0']);
  expect(await t.relationRemoteApp(rel)).toBe('kv');
  expect(await t.relationGet(rel, 'kv/0')).toEqual({ host: '10.0.0.5' });
  expect(await t.relationGet(rel, 'kv', { app: true })).toEqual({ version: '7' });
  expect(await t.isLeader()).toBe(false);
  expect(await t.unitGet('private-address')).toBe('10.1.0.10');
  expect((await t.networkGet('db'))['ingress-addresses']).toEqual(['10.1.0.10']);
  expect(await t.statusGet()).toEqual({ status: 'unknown', message: '', data: {} });
});

test('goal-state: the unit turns dying, relations list the remote application and units', async () => {
  const joined = { status: 'joined', since: expect.any(String) as unknown };
  const active = { status: 'active', since: expect.any(String) as unknown };
  expect(await tools().goalState()).toEqual({
    units: { 'web/0': active },
    relations: { db: { kv: joined, 'kv/0': active } },
  });
  juju.update((model) => (model.dying = true));
  expect((await tools('stop').goalState()).units['web/0']).toEqual({ status: 'dying', since: expect.any(String) });
});

test('answers that cannot change are cached within a hook, and writes drop the cache', async () => {
  const t = tools();
  await t.configGet();
  await t.configGet();
  await t.relationGet(rel, 'web/0');
  await t.relationSet(rel, { a: '1' });
  // relation-get of the own unit shows the pending relation-set (Juju's local view).
  expect(await t.relationGet(rel, 'web/0')).toEqual({ a: '1' });
  await t.configGet();
  expect(juju.calls().map((c) => c.tool)).toEqual([
    'config-get',
    'relation-get',
    'relation-set',
    'relation-get',
    'config-get',
  ]);
});

test('relation-set sends JSON on stdin with --file -, and is buffered until the hook commits', async () => {
  const t = tools();
  await t.relationSet(rel, { host: 'web-0', 'multi line': 'a\nb' });
  const call = juju.calls().find((c) => c.tool === 'relation-set');
  expect(call?.args).toEqual(['-r', rel, '--file', '-']);
  expect(JSON.parse(call?.stdin ?? '')).toEqual({ host: 'web-0', 'multi line': 'a\nb' });
  expect(juju.published(rel)).toEqual({});
  expect(juju.model().pending.relations[rel]?.unit).toEqual({ host: 'web-0', 'multi line': 'a\nb' });
});

test('failures map to typed errors at one boundary', async () => {
  const t = tools();
  await expect(t.relationGet('db:99', 'kv/0')).rejects.toBeInstanceOf(RelationNotFoundError);
  await expect(t.relationGet(rel, 'kv/7')).rejects.toBeInstanceOf(UnitNotFoundError);
  const perm = t.relationSet(rel, { a: 'b' }, { app: true });
  await expect(perm).rejects.toBeInstanceOf(HookToolPermissionError);
  await expect(perm).rejects.toMatchObject({
    tool: 'relation-set',
    exitCode: 1,
    stderr: 'ERROR cannot write relation settings',
  });
  const usage = t.relationGet(rel, 'not a unit');
  await expect(usage).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('invalid unit name') });
  await expect(t.actionGet()).rejects.toMatchObject({
    message: 'hook tool failed: action-get --format=json (exit 1): not running an action',
  });
});

test('secrets are redacted from the arguments and stderr an error shows', async () => {
  const redactor = new Redactor();
  redactor.markSecret('tok-123456');
  const t = tools('config-changed', redactor);
  const err = await t.leaderSet({ password: 'pw-abcdef', token: 'tok-123456' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HookToolError);
  expect((err as HookToolError).args).toEqual(['password=[REDACTED]', 'token=[REDACTED]']);
  expect((err as HookToolError).message).not.toMatch(/pw-abcdef|tok-123456/);
  // The real argv did carry the values (the fake recorded them).
  expect(juju.calls().find((c) => c.tool === 'leader-set')?.args).toEqual(['password=pw-abcdef', 'token=tok-123456']);
});

test('status, ports, juju-log, version and actions', async () => {
  const t = tools('hello');
  await t.statusSet('blocked', 'need -- a "db"');
  expect(juju.status()).toEqual({ status: 'blocked', message: 'need -- a "db"' });
  await t.openPort({ port: 8000, toPort: 8010, protocol: 'udp' });
  await t.closePort({ port: 80 });
  expect(juju.model().pending.ports).toEqual([
    { op: 'open', spec: '8000-8010/udp' },
    { op: 'close', spec: '80/tcp' },
  ]);
  await t.jujuLog('WARNING', '-starts with a dash');
  expect(juju.logs()).toEqual([{ level: 'WARNING', message: `${rel}: -starts with a dash`, hook: 'hello' }]);
  await t.applicationVersionSet('1.2.3');
  expect(juju.model().workloadVersion).toBe('1.2.3');
  const actionEnv = juju.env('hello', { action: true });
  juju.update((m) => {
    m.action.params = { who: 'x', nested: { n: 1 } };
  });
  const a = new ProcessHookTools({ runner: spawnToolRunner({ env: actionEnv, cwd: charmDir }) });
  expect(await a.actionGet()).toEqual({ who: 'x', nested: { n: 1 } });
  await a.actionSet({ out: { count: 2, name: 'n' } });
  await a.actionFail('nope');
  expect(juju.model().action).toMatchObject({ results: { out: { count: '2', name: 'n' } }, failed: 'nope' });
});
