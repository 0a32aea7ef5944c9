import { HOOK_TOOL_SOCKET_ENV } from '../../charm';
import { socketToolRunner } from './socket-tool-runner';
import { spawnToolRunner, type ToolRunner } from './tool-runner';

/** Options of {@link hookToolRunner}. */
export interface HookToolRunnerOptions {
  /** The hook's environment (`PATH`, `JUJU_AGENT_SOCKET_ADDRESS`, `JUJU_CONTEXT_ID`...). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Working dir of the tools (the charm dir). */
  readonly cwd: string;
}

/** How a hook reaches its tools: processes found on `PATH`, or the local agent's socket. */
export type HookToolTransport =
  { readonly kind: 'process' } | { readonly kind: 'socket'; readonly socketPath: string; readonly contextId: string };

/**
 * Which transport the agent offers (pure): the socket when it says so with
 * `RXCHARM_HOOK_TOOL_SOCKET=1` (rxcharm's local agent does, see {@link HOOK_TOOL_SOCKET_ENV})
 * and names a unix socket and a context; processes otherwise, as under Juju (whose
 * `JUJU_AGENT_SOCKET_ADDRESS` speaks another protocol) and the test harness's fake tools.
 */
export function hookToolTransport(env: Readonly<Record<string, string | undefined>>): HookToolTransport {
  const socketPath = env.JUJU_AGENT_SOCKET_ADDRESS;
  const contextId = env.JUJU_CONTEXT_ID;
  const network = env.JUJU_AGENT_SOCKET_NETWORK;
  if (env[HOOK_TOOL_SOCKET_ENV] !== '1' || !socketPath || !contextId) return { kind: 'process' };
  if (network !== undefined && network !== 'unix') return { kind: 'process' };
  return { kind: 'socket', socketPath, contextId };
}

/**
 * The hook-tool runner of a real hook, behind {@link ProcessHookTools}: spawns the tool found on
 * `PATH` (Juju's jujuc, the local agent's shim, or any other executable), unless the agent offers
 * its socket ({@link hookToolTransport}). Then each call goes straight to the socket
 * ({@link socketToolRunner}), exactly what the agent's shim would have done, minus a Node start
 * per call; results are the same, so nothing above the runner behaves differently.
 */
export function hookToolRunner(options: HookToolRunnerOptions): ToolRunner {
  const spawnRunner = spawnToolRunner({ env: options.env, cwd: options.cwd });
  const transport = hookToolTransport(options.env);
  if (transport.kind === 'process') return spawnRunner;
  const socketRunner = socketToolRunner({ ...transport, cwd: options.cwd });
  // An argument with a NUL byte cannot be passed to a process at all: spawning reports that, so
  // the socket must not quietly accept it.
  return (tool, args, stdin) =>
    args.some((a) => a.includes('\0')) ? spawnRunner(tool, args, stdin) : socketRunner(tool, args, stdin);
}
