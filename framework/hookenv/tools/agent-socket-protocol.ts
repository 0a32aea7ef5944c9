/**
 * The wire protocol of rxcharm's local agent hook tools (the agent's shims speak it; so does
 * {@link socketToolRunner}): one connection per call on the unix socket in
 * `JUJU_AGENT_SOCKET_ADDRESS`, one JSON line each way, then the agent closes the connection.
 * The first request carries no stdin; a tool that needs it answers `needStdin` and the caller
 * asks again with all of its standard input (the lazy stdin of Juju's jujuc).
 *
 * This is not Juju's own jujuc protocol: it is used only when the tool on `PATH` is the local
 * agent's shim (see {@link hookToolRunner}).
 */
export interface AgentToolRequest {
  readonly contextId: string;
  readonly command: string;
  readonly args: string[];
  /** Absolute working dir of the (would-be) tool process. */
  readonly cwd: string;
  readonly stdin?: string;
}

/** The agent's answer: what the shim prints on stdout and stderr, and its exit code. */
export interface AgentToolResponse {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly needStdin?: boolean;
}

/**
 * File name of the local agent's shim script; every tool name in the agent's tools dir is a
 * symlink to it (`framework/agent/server/write-tool-shims.ts` writes them).
 */
export const AGENT_SHIM_NAME = 'rxcharm-hook-tool';
