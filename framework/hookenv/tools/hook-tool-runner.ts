import { lstatSync, readlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AGENT_SHIM_NAME } from '../../charm';
import { socketToolRunner } from './socket-tool-runner';
import { spawnToolRunner, type ToolRunner } from './tool-runner';

/** Options of {@link hookToolRunner}. */
export interface HookToolRunnerOptions {
  /** The hook's environment (`PATH`, `JUJU_AGENT_SOCKET_ADDRESS`, `JUJU_CONTEXT_ID`...). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Working dir of the tools (the charm dir). */
  readonly cwd: string;
  /** `readlink` (see {@link resolvesToAgentShim}); tests inject it. */
  readonly readLink?: (path: string) => string | undefined;
}

/**
 * The hook-tool runner of a real hook: spawns the tool found on `PATH` (Juju's jujuc, or any
 * other executable), except when that tool is the local agent's shim, a symlink to
 * `rxcharm-hook-tool`: then the call goes straight to the agent's socket
 * ({@link socketToolRunner}), which is what the shim would have done, minus a Node start (about
 * 40 ms of CPU per call). The check is made once per tool name and needs no environment variable
 * of its own, so real Juju (whose `JUJU_AGENT_SOCKET_ADDRESS` speaks another protocol) and the
 * fake tools of the tests always get processes.
 */
export function hookToolRunner(options: HookToolRunnerOptions): ToolRunner {
  const spawnRunner = spawnToolRunner({ env: options.env, cwd: options.cwd });
  const socketPath = options.env.JUJU_AGENT_SOCKET_ADDRESS;
  const contextId = options.env.JUJU_CONTEXT_ID;
  const network = options.env.JUJU_AGENT_SOCKET_NETWORK;
  if (!socketPath || !contextId || (network !== undefined && network !== 'unix')) return spawnRunner;
  const socketRunner = socketToolRunner({ socketPath, contextId, cwd: options.cwd });
  const readLink = options.readLink ?? readLinkOrUndefined;
  // As the spawned process would search them: relative entries (and empty ones) from its cwd.
  const dirs = (options.env.PATH ?? '').split(':').map((d) => resolve(options.cwd, d));
  const viaShim = new Map<string, boolean>();
  const isShim = (tool: string): boolean => {
    let known = viaShim.get(tool);
    if (known === undefined) {
      known = resolvesToAgentShim(tool, dirs, readLink);
      viaShim.set(tool, known);
    }
    return known;
  };
  // An argument with a NUL byte cannot be passed to a process at all: spawning reports that, so
  // the socket must not quietly accept it.
  return (tool, args, stdin) =>
    isShim(tool) && !args.some((a) => a.includes('\0'))
      ? socketRunner(tool, args, stdin)
      : spawnRunner(tool, args, stdin);
}

/**
 * True when the first `tool` on `PATH` is a symlink to the agent's shim, and the shim itself is
 * there (what the agent writes into its tools dir). Only plain names are looked up, as `spawn`
 * does; a name with a slash is never a shim.
 *
 * @param readLink `readlink` of a symlink, `''` for a path that exists but is no symlink,
 *   undefined for nothing there.
 */
export function resolvesToAgentShim(
  tool: string,
  pathDirs: readonly string[],
  readLink: (path: string) => string | undefined,
): boolean {
  if (tool === '' || tool.includes('/')) return false;
  for (const dir of pathDirs) {
    const target = readLink(join(dir, tool));
    if (target === undefined) continue; // not in this dir: spawn would look further
    const shim = join(dir, AGENT_SHIM_NAME);
    return (target === AGENT_SHIM_NAME || target === shim) && readLink(shim) === '';
  }
  return false;
}

/** `readlink` of a symlink; `''` for an existing non-link; undefined when nothing is there. */
function readLinkOrUndefined(path: string): string | undefined {
  try {
    if (!lstatSync(path).isSymbolicLink()) return '';
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}
