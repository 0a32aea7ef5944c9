import { createServer, type Server, type Socket } from 'node:net';
import { existsSync, unlinkSync } from 'node:fs';
import { isToolRequest, type ToolRequest, type ToolResponse } from '../../charm';

/** Answers one tool request (the agent looks up the hook by context id and runs the tool). */
export type ToolRequestHandler = (request: ToolRequest) => ToolResponse;

const MAX_REQUEST = 64 * 1024 * 1024;

/**
 * The agent side of the hook tools: a unix socket server that reads one JSON request line per
 * connection, answers one JSON line, and closes. Requests are handled one at a time, in arrival
 * order (Node's event loop), as Juju serializes its tool calls.
 *
 * @example
 * ```ts
 * await using server = await HookToolServer.start('/tmp/m/agent.sock', (req) => ({ code: 0, stdout: '', stderr: '' }));
 * ```
 */
export class HookToolServer {
  private constructor(
    private readonly server: Server,
    /** Path of the unix socket. */
    readonly socketPath: string,
  ) {}

  /** Listens on `socketPath` (removing a stale socket left by a killed agent first). */
  static async start(socketPath: string, handler: ToolRequestHandler): Promise<HookToolServer> {
    if (existsSync(socketPath)) unlinkSync(socketPath);
    const server = createServer((socket) => serve(socket, handler));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new HookToolServer(server, socketPath);
  }

  /** Stops listening and removes the socket file. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (existsSync(this.socketPath)) unlinkSync(this.socketPath);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

function serve(socket: Socket, handler: ToolRequestHandler): void {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    if (buffer.length > MAX_REQUEST) {
      reply(socket, { code: 1, stdout: '', stderr: 'ERROR bad request: too large\n' });
      return;
    }
    const end = buffer.indexOf('\n');
    if (end < 0) return;
    let response: ToolResponse;
    try {
      const request: unknown = JSON.parse(buffer.slice(0, end));
      response = isToolRequest(request)
        ? handler(request)
        : { code: 1, stdout: '', stderr: 'ERROR bad request: malformed\n' };
    } catch (error) {
      response = { code: 1, stdout: '', stderr: `ERROR bad request: ${(error as Error).message}\n` };
    }
    reply(socket, response);
  });
}

function reply(socket: Socket, response: ToolResponse): void {
  socket.end(`${JSON.stringify(response)}\n`);
}
