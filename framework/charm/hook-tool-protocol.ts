/**
 * The wire protocol of rxcharm's local agent hook tools, spoken by the agent's hook-tool server,
 * its shims (`framework/agent/server/write-tool-shims.ts`) and, from inside a charm, the socket
 * transport of the hook-tool runner (`framework/hookenv/tools/socket-tool-runner.ts`): one
 * connection per call on the unix socket in `JUJU_AGENT_SOCKET_ADDRESS`, one JSON line each
 * way, then the agent closes the connection. The first request carries no stdin; a tool that
 * needs it answers `needStdin` and the caller asks again with all of its standard input (the lazy
 * stdin of Juju's jujuc).
 *
 * This is not Juju's own jujuc protocol: a charm speaks it only when the agent offers it with
 * {@link HOOK_TOOL_SOCKET_ENV}.
 */
export interface ToolRequest {
  readonly contextId: string;
  readonly command: string;
  readonly args: string[];
  /** Absolute working dir of the (would-be) tool process. */
  readonly cwd: string;
  readonly stdin?: string;
}

/** The agent's answer: what the shim prints on stdout and stderr, and its exit code. */
export interface ToolResponse {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly needStdin?: boolean;
}

/** Checks the shape of a decoded request. */
export function isToolRequest(value: unknown): value is ToolRequest {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.contextId === 'string' &&
    typeof r.command === 'string' &&
    Array.isArray(r.args) &&
    r.args.every((a) => typeof a === 'string') &&
    typeof r.cwd === 'string' &&
    (r.stdin === undefined || typeof r.stdin === 'string')
  );
}

/**
 * File name of the local agent's shim script; every tool name in the agent's tools dir is a
 * symlink to it.
 */
export const AGENT_SHIM_NAME = 'rxcharm-hook-tool';

/**
 * The environment variable with which an agent offers this protocol to the charm: set to `1`
 * by rxcharm's local agent in every hook, next to `JUJU_AGENT_SOCKET_ADDRESS` and
 * `JUJU_CONTEXT_ID`. With it, a hook sends its tool calls over the socket itself instead of
 * starting one shim process per call; without it (real Juju, the test fakes), tools are
 * processes found on `PATH`.
 */
export const HOOK_TOOL_SOCKET_ENV = 'RXCHARM_HOOK_TOOL_SOCKET';
