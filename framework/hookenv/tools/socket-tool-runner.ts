import { createConnection } from 'node:net';
import type { ToolRequest, ToolResponse } from '../../charm';
import type { ToolResult, ToolRunner } from './tool-runner';

/** Where the local agent listens and which hook this is. */
export interface SocketToolRunnerOptions {
  /** `JUJU_AGENT_SOCKET_ADDRESS` (a unix socket path). */
  readonly socketPath: string;
  /** `JUJU_CONTEXT_ID`. */
  readonly contextId: string;
  /** The working dir a spawned tool would have (the charm dir). */
  readonly cwd: string;
}

/**
 * A {@link ToolRunner} that talks to the local agent's hook-tool socket directly, doing exactly
 * what the agent's shim does in a child process (same request, same lazy-stdin retry, same
 * `ERROR cannot reach the agent: ...` when the socket fails), without starting one Node process
 * per call. Results are therefore identical to `spawnToolRunner` running the shim.
 */
export function socketToolRunner(options: SocketToolRunnerOptions): ToolRunner {
  return async (tool, args, stdin) => {
    const request = { contextId: options.contextId, command: tool, args: [...args], cwd: options.cwd };
    try {
      let reply = await exchange(options.socketPath, request);
      // A spawned shim's stdin is what the runner pipes in: `stdin`, or nothing (EOF at once).
      if (reply.needStdin === true) reply = await exchange(options.socketPath, { ...request, stdin: stdin ?? '' });
      return {
        exitCode: typeof reply.code === 'number' ? reply.code : 0,
        stdout: reply.stdout ?? '',
        stderr: reply.stderr ?? '',
      } satisfies ToolResult;
    } catch (error) {
      return { exitCode: 1, stdout: '', stderr: `ERROR cannot reach the agent: ${(error as Error).message}\n` };
    }
  };
}

/** One request/response exchange: write a JSON line, read until the agent closes. */
function exchange(socketPath: string, request: ToolRequest): Promise<ToolResponse> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    let data = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => {
      data += chunk;
    });
    socket.on('end', () => {
      try {
        resolve(JSON.parse(data) as ToolResponse);
      } catch {
        reject(new Error('bad reply from the agent'));
      }
    });
    socket.on('error', reject);
    // Settled already after 'end' or 'error'; this only stops a silent hang.
    socket.on('close', () => reject(new Error('connection closed')));
  });
}
