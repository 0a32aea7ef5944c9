/**
 * The hook-tool fast path (hookToolRunner → socketToolRunner, when the agent offers it with
 * RXCHARM_HOOK_TOOL_SOCKET=1) must give exactly what spawning the local agent's shim gives: the same exit code, stdout and stderr for every call, the same
 * changes to the agent's model, and so the same typed results and errors from ProcessHookTools.
 *
 * Both sides talk to the agent's real hook-tool server and real tools (runTool) over a model
 * each, built identically; one side spawns the shims, the other uses the socket directly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HOOK_TOOL_NAMES,
  HookToolServer,
  runTool,
  SHIM_SCRIPT,
  writeToolShims,
  type ToolRequest,
} from '../../../framework/agent';
import { shimSource } from '../../../framework/agent/server/write-tool-shims';
import { testEnv, testExec, testModel } from '../../../framework/agent/internal/test-model';
import { relate } from '../../../framework/agent/model/relation-ops';
import type { ModelState } from '../../../framework/agent';
import type { HookExecution } from '../../../framework/agent/tools/hook-execution';
import {
  AGENT_SHIM_NAME,
  HOOK_TOOL_SOCKET_ENV,
  hookToolRunner,
  hookToolTransport,
  ProcessHookTools,
  socketToolRunner,
  spawnToolRunner,
  type ToolResult,
  type ToolRunner,
} from '../../../framework/hookenv';

interface Side {
  readonly model: ModelState;
  readonly exec: HookExecution;
  readonly server: HookToolServer;
  readonly env: Record<string, string>;
}

let dir: string;
let binDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rxcharm-fastpath-'));
  binDir = writeToolShims(join(dir, 'bin'), HOOK_TOOL_NAMES);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A model with app/0 related to client/0, served on its own socket, running app/0's db-relation-changed. */
async function side(name: string): Promise<Side> {
  const model = testModel();
  const relation = relate(model, { app: 'app' }, { app: 'client' });
  const exec = testExec('app/0', 'db-relation-changed', {
    id: relation.id,
    remoteUnit: 'client/0',
    remoteApp: 'client',
  });
  const handle = (request: ToolRequest) =>
    request.contextId === exec.contextId
      ? runTool(
          testEnv(model, exec, request.stdin === undefined ? {} : { stdin: request.stdin }),
          request.command,
          request.args,
        )
      : { code: 1, stdout: '', stderr: 'ERROR bad request: wrong context ID\n' };
  const server = await HookToolServer.start(join(dir, `${name}.sock`), handle);
  const env = {
    PATH: `${binDir}:/usr/local/bin:/usr/bin:/bin`,
    JUJU_AGENT_SOCKET_ADDRESS: server.socketPath,
    JUJU_AGENT_SOCKET_NETWORK: 'unix',
    JUJU_CONTEXT_ID: exec.contextId,
    // As the local agent sets it; the spawned shims ignore it.
    [HOOK_TOOL_SOCKET_ENV]: '1',
  };
  return { model, exec, server, env };
}

/** What each call did to the agent's side: the model and the hook's pending writes. */
function effects(s: Side): unknown {
  return { model: s.model.data, relationSets: [...s.exec.relationSets.entries()], ports: s.exec.portChanges };
}

type Call = readonly [tool: string, args: readonly string[], stdin?: string];

const CALLS: readonly Call[] = [
  ['config-get', ['--all', '--format=json']],
  ['config-get', ['port']],
  ['is-leader', ['--format=json']],
  ['relation-ids', ['--format=json', 'db']],
  ['relation-list', ['--format=json', '-r', 'db:0']],
  ['relation-get', ['--format=json', '-r', 'db:0', '-', 'client/0']],
  ['relation-get', ['--format=json', '-r', 'db:99', '-', 'client/0']],
  ['relation-set', ['-r', 'db:0', '--file', '-'], '{"host":"10.0.0.5","note":"quotes \\" and $(shell)"}\n'],
  ['relation-set', ['-r', 'db:0', '--file', '-']],
  ['relation-get', ['--format=json', '-r', 'db:0', '-', 'app/0']],
  ['status-set', ['active', '--', '-- odd message']],
  ['status-set', ['sleeping', '--', 'no such status']],
  ['status-get', ['--format=json', '--include-data']],
  ['open-port', ['8080/tcp']],
  ['close-port', ['not-a-port']],
  ['juju-log', ['--log-level', 'INFO', '--', 'hello from the test']],
  ['action-get', ['--format=json']],
  ['network-get', ['--format=json', 'db']],
  ['unit-get', ['--format=json', 'private-address']],
  ['config-get', ['--no-such-flag']],
  ['leader-set', ['a=b']],
  ['leader-get', ['--format=json', '-']],
];

describe('hook-tool fast path', () => {
  let spawned: Side;
  let direct: Side;

  beforeEach(async () => {
    spawned = await side('spawned');
    direct = await side('direct');
  });

  afterEach(async () => {
    await spawned.server.close();
    await direct.server.close();
  });

  it('recognises the shim the agent writes, whose protocol socketToolRunner mirrors', () => {
    expect(AGENT_SHIM_NAME).toBe(SHIM_SCRIPT);
    // The shim's request fields and lazy-stdin retry, as socketToolRunner sends them.
    const shim = shimSource(process.execPath);
    expect(shim).toContain(
      'JSON.stringify({ contextId: env.JUJU_CONTEXT_ID, command, args: process.argv.slice(2), cwd: process.cwd(), stdin })',
    );
    expect(shim).toContain('if (reply.needStdin) reply = await call(await readStdin());');
  });

  it('is chosen only when the agent offers it, whatever is on PATH', () => {
    expect(hookToolTransport(direct.env).kind).toBe('socket');
    const { [HOOK_TOOL_SOCKET_ENV]: _offer, ...withoutOffer } = direct.env;
    expect(hookToolTransport(withoutOffer).kind).toBe('process');
  });

  it('without the offer, hookToolRunner spawns the tool on PATH (here the shim), with the same results', async () => {
    const { [HOOK_TOOL_SOCKET_ENV]: _offer, ...withoutOffer } = direct.env;
    const a = await spawnToolRunner({ env: spawned.env, cwd: dir })('config-get', ['--all', '--format=json']);
    const b = await hookToolRunner({ env: withoutOffer, cwd: dir })('config-get', ['--all', '--format=json']);
    expect(b).toEqual(a);
  });

  it('gives the same exit code, stdout and stderr as the spawned shim, call by call, with the same effects', async () => {
    const viaShim: ToolRunner = spawnToolRunner({ env: spawned.env, cwd: dir });
    const viaSocket: ToolRunner = socketToolRunner({
      socketPath: direct.env.JUJU_AGENT_SOCKET_ADDRESS,
      contextId: direct.env.JUJU_CONTEXT_ID,
      cwd: dir,
    });
    const failures: ToolResult[] = [];
    for (const [tool, args, stdin] of CALLS) {
      const a = await viaShim(tool, args, stdin);
      const b = await viaSocket(tool, args, stdin);
      expect({ tool, args, ...b }).toEqual({ tool, args, ...a });
      expect(effects(direct)).toEqual(effects(spawned));
      if (a.exitCode !== 0) failures.push(a);
    }
    // The list exercises failures too (usage errors, a missing relation, a bad status and port).
    expect(failures.length).toBeGreaterThanOrEqual(4);
  });

  it('gives ProcessHookTools the same typed answers and errors through hookToolRunner', async () => {
    const viaShim = new ProcessHookTools({ runner: spawnToolRunner({ env: spawned.env, cwd: dir }) });
    const viaFastPath = new ProcessHookTools({ runner: hookToolRunner({ env: direct.env, cwd: dir }) });
    const steps: Array<(t: ProcessHookTools) => Promise<unknown>> = [
      (t) => t.configGet(),
      (t) => t.isLeader(),
      (t) => t.relationIds('db'),
      (t) => t.relationList('db:0'),
      (t) => t.relationRemoteApp('db:0'),
      (t) => t.relationGet('db:0', 'client/0'),
      (t) => t.relationGet('db:42', 'client/0'),
      (t) => t.relationSet('db:0', { url: 'http://x', empty: '' }),
      (t) => t.relationGet('db:0', 'app/0'),
      (t) => t.statusSet('maintenance', 'working'),
      (t) => t.statusGet(),
      (t) => t.openPort({ port: 80, protocol: 'tcp' }),
      (t) => t.openedPorts(),
      (t) => t.jujuLog('WARNING', 'careful'),
      (t) => t.actionGet(),
    ];
    const settle = (p: Promise<unknown>) =>
      p.then(
        (value) => ({ value }),
        (error: unknown) => ({ error: describeError(error) }),
      );
    for (const step of steps) {
      const a = await settle(step(viaShim));
      const b = await settle(step(viaFastPath));
      expect(b).toEqual(a);
    }
    expect(effects(direct)).toEqual(effects(spawned));
  });

  it('refuses an argument with a NUL byte as spawning does', async () => {
    const a = await spawnToolRunner({ env: spawned.env, cwd: dir })('status-set', ['active', '--', 'a\0b']);
    const b = await hookToolRunner({ env: direct.env, cwd: dir })('status-set', ['active', '--', 'a\0b']);
    expect(b).toEqual(a);
    expect(effects(direct)).toEqual(effects(spawned));
  });

  it('reports an unreachable agent as the shim does', async () => {
    const env = { ...direct.env, JUJU_AGENT_SOCKET_ADDRESS: join(dir, 'nobody.sock') };
    const a = await spawnToolRunner({ env, cwd: dir })('is-leader', ['--format=json']);
    const b = await hookToolRunner({ env, cwd: dir })('is-leader', ['--format=json']);
    expect(a.exitCode).toBe(1);
    expect(b).toEqual(a);
  });
});

function describeError(error: unknown): unknown {
  const e = error as { name?: string; code?: string; message?: string; context?: unknown };
  return { name: e.name, code: e.code, message: e.message, context: e.context };
}
