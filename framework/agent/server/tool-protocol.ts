/**
 * The wire protocol between the hook-tool shims and the agent: one JSON line each way over a
 * unix socket. The shim first sends no stdin; a tool that needs it answers `needStdin` and the
 * shim calls again with all of its standard input (the lazy stdin of Juju's jujuc).
 *
 * `framework/hookenv/tools/agent-socket-protocol.ts` speaks the same protocol from inside a
 * charm (skipping the shim process): change both together.
 */
export interface ToolRequest {
  readonly contextId: string;
  readonly command: string;
  readonly args: string[];
  /** Absolute working dir of the tool process. */
  readonly cwd: string;
  readonly stdin?: string;
}

/** The agent's answer, written out verbatim by the shim before it exits with `code`. */
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
