import { Redactor } from '../redactor';
import { HookToolError } from './hook-tool-error';
import { HookToolPermissionError, RelationNotFoundError, UnitNotFoundError } from './not-found-errors';
import { ProcessHookTools } from './process-hook-tools';
import type { ToolResult, ToolRunner } from './tool-runner';

type Call = { tool: string; args: readonly string[]; stdin?: string };

/** A runner answering from a table, recording argv. */
function fakeRunner(answers: Record<string, ToolResult | ((call: Call) => ToolResult)> = {}): {
  runner: ToolRunner;
  calls: Call[];
} {
  const calls: Call[] = [];
  const runner: ToolRunner = async (tool, args, stdin) => {
    const call = { tool, args, ...(stdin === undefined ? {} : { stdin }) };
    calls.push(call);
    const a = answers[tool];
    if (a === undefined) return { exitCode: 0, stdout: '', stderr: '' };
    return typeof a === 'function' ? a(call) : a;
  };
  return { runner, calls };
}

const ok = (value: unknown): ToolResult => ({ exitCode: 0, stdout: `${JSON.stringify(value)}\n`, stderr: '' });

describe('ProcessHookTools argv', () => {
  it('uses JSON formats and the argv Juju expects', async () => {
    const { runner, calls } = fakeRunner({
      'config-get': ok({ a: 1 }),
      'relation-ids': ok(['db:1']),
      'relation-list': ok(['x/0']),
      'relation-get': ok({ k: 'v' }),
      'is-leader': ok(true),
      'leader-get': ok({}),
      'opened-ports': ok(['80/tcp']),
      'unit-get': ok('10.0.0.1'),
      'action-get': ok({}),
      'status-get': ok({ status: 'active', message: 'm', 'status-data': {} }),
      'resource-get': { exitCode: 0, stdout: '/r/f\n', stderr: '' },
    });
    const t = new ProcessHookTools({ runner, cache: false });
    await t.configGet();
    await t.relationIds('db');
    await t.relationList('db:1');
    await t.relationGet('db:1', 'x/0');
    await t.relationGet('db:1', 'x', { app: true });
    await t.relationSet('db:1', { k: 'v' }, { app: true });
    await t.statusSet('active', '-- odd message');
    await t.statusGet({ application: false });
    await t.openPort({ port: 80 });
    await t.closePort('icmp');
    await t.isLeader();
    await t.leaderGet();
    await t.leaderSet({ a: 'b' });
    await t.applicationVersionSet('-v1');
    await t.jujuLog('DEBUG', '-x');
    await t.actionSet({ a: { b: 1 } });
    await t.actionFail('why');
    expect(await t.resourceGet('img')).toBe('/r/f');
    expect(calls.map((c) => [c.tool, ...c.args].join(' '))).toEqual([
      'config-get --all --format=json',
      'relation-ids --format=json db',
      'relation-list --format=json -r db:1',
      'relation-get --format=json -r db:1 - x/0',
      'relation-get --format=json -r db:1 --app - x',
      'relation-set -r db:1 --app --file -',
      'status-set active -- -- odd message',
      'status-get --format=json --include-data',
      'open-port 80/tcp',
      'close-port icmp',
      'is-leader --format=json',
      'leader-get --format=json -',
      'leader-set a=b',
      'application-version-set -- -v1',
      'juju-log --log-level DEBUG -- -x',
      'action-set a.b=1',
      'action-fail -- why',
      'resource-get img',
    ]);
    expect(calls[5]?.stdin).toBe('{"k":"v"}\n');
  });

  it('refuses an invalid status before spawning anything', async () => {
    const { runner, calls } = fakeRunner();
    const t = new ProcessHookTools({ runner });
    await expect(t.statusSet('error' as 'active', 'x')).rejects.toThrow(/invalid status "error"/);
    expect(calls).toEqual([]);
  });
});

describe('ProcessHookTools errors', () => {
  const fail = (exitCode: number, stderr: string): ToolResult => ({ exitCode, stdout: '', stderr });

  it.each([
    ['ERROR invalid value "db:9" for option -r: relation not found', RelationNotFoundError, 'RELATION_NOT_FOUND'],
    [
      'ERROR cannot read settings for unit "x/1" in relation "db:1": unit "x/1": settings not found',
      UnitNotFoundError,
      'UNIT_NOT_FOUND',
    ],
    ['ERROR cannot write relation settings', HookToolPermissionError, 'HOOK_TOOL_PERMISSION'],
    ['ERROR something else', HookToolError, 'HOOK_TOOL_FAILED'],
  ])('maps %s', async (stderr, Class, code) => {
    const t = new ProcessHookTools({ runner: fakeRunner({ 'relation-get': fail(1, stderr) }).runner });
    const err = await t.relationGet('db:1', 'x/1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Class);
    expect(err).toBeInstanceOf(HookToolError);
    expect(err).toMatchObject({
      code,
      tool: 'relation-get',
      exitCode: 1,
      args: ['--format=json', '-r', 'db:1', '-', 'x/1'],
    });
    expect((err as Error).message).toContain(stderr.slice('ERROR '.length));
  });

  it('reports a tool that cannot be started', async () => {
    const t = new ProcessHookTools({
      runner: fakeRunner({ 'is-leader': fail(-1, 'ERROR cannot run is-leader: spawn is-leader ENOENT') }).runner,
    });
    await expect(t.isLeader()).rejects.toThrow(
      'hook tool failed: is-leader --format=json (exit -1): cannot run is-leader: spawn is-leader ENOENT',
    );
  });

  it('rejects malformed output with a typed error', async () => {
    const t = new ProcessHookTools({
      runner: fakeRunner({ 'relation-get': ok({ a: 1 }), 'config-get': { exitCode: 0, stdout: 'nope', stderr: '' } })
        .runner,
    });
    await expect(t.relationGet('db:1', 'x/0')).rejects.toMatchObject({
      code: 'HOOK_TOOL_OUTPUT',
      message: expect.stringContaining('relation data must be a map of strings'),
    });
    await expect(t.configGet()).rejects.toMatchObject({
      code: 'HOOK_TOOL_OUTPUT',
      message: expect.stringContaining('output is not JSON'),
    });
  });

  it('redacts secret arguments and marked values in errors', async () => {
    const redactor = new Redactor();
    redactor.markSecret('s3cr3t-v');
    const t = new ProcessHookTools({
      runner: fakeRunner({ 'leader-set': fail(1, 'ERROR bad value s3cr3t-v') }).runner,
      redactor,
    });
    const err = (await t.leaderSet({ api_key: 'k-123', other: 's3cr3t-v' }).catch((e: unknown) => e)) as HookToolError;
    expect(err.args).toEqual(['api_key=[REDACTED]', 'other=[REDACTED]']);
    expect(err.stderr).toBe('ERROR bad value [REDACTED]');
    expect(err.message).not.toContain('s3cr3t-v');
  });
});

describe('ProcessHookTools cache', () => {
  it('caches reads within a hook and drops everything on a write', async () => {
    const { runner, calls } = fakeRunner({ 'config-get': ok({}), 'relation-get': ok({}) });
    const t = new ProcessHookTools({ runner });
    await Promise.all([t.configGet(), t.configGet()]);
    await t.relationGet('db:1', 'x/0');
    await t.relationGet('db:1', 'x/0');
    await t.jujuLog('INFO', 'logging is not a write');
    await t.configGet();
    await t.relationSet('db:1', { a: 'b' });
    await t.configGet();
    expect(calls.map((c) => c.tool)).toEqual(['config-get', 'relation-get', 'juju-log', 'relation-set', 'config-get']);
  });

  it('does not cache failures', async () => {
    let n = 0;
    const { runner } = fakeRunner({
      'is-leader': () => (n++ === 0 ? { exitCode: 1, stdout: '', stderr: 'ERROR transient' } : ok(true)),
    });
    const t = new ProcessHookTools({ runner });
    await expect(t.isLeader()).rejects.toThrow('transient');
    await expect(t.isLeader()).resolves.toBe(true);
  });
});
