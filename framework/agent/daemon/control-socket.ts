import { createHash } from 'node:crypto';
import { existsSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isRxcharmError } from '../../errors';
import type { HookEvent } from '../internal/hook-executor';
import { AgentConnectionError, AgentRequestError } from './daemon-errors';

/** One operation a command hands to the running agent: a {@link LocalAgent} method and its arguments. */
export interface ControlRequest {
  readonly op: string;
  readonly args: readonly unknown[];
}

/** Lines the agent answers with: hook progress while the operation runs, then its result or error. */
export type ControlMessage =
  | { readonly type: 'hook'; readonly event: HookEvent }
  | { readonly type: 'result'; readonly value: unknown }
  | { readonly type: 'error'; readonly code: string; readonly message: string };

/** Runs one request; `emit` streams hook progress to the command that sent it. */
export type ControlHandler = (request: ControlRequest, emit: (event: HookEvent) => void) => Promise<unknown>;

/** `<model>/agent-control.sock`, or a short path in the temp dir when that is too long for a socket. */
export function controlSocketPath(modelDir: string): string {
  const dir = resolve(modelDir);
  const path = join(dir, 'agent-control.sock');
  if (Buffer.byteLength(path) <= 100) return path;
  return join(tmpdir(), `rxcharm-ctl-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}.sock`);
}

/**
 * The running agent's side of the control socket: one JSON request line per connection, answered
 * with JSON lines (hook events, then one result or error) and closed. A command that disconnects
 * early does not cancel its operation, as with Juju.
 */
export class ControlServer {
  private readonly inFlight = new Set<Promise<void>>();

  private constructor(
    private readonly server: Server,
    readonly socketPath: string,
  ) {}

  static async start(socketPath: string, handler: ControlHandler): Promise<ControlServer> {
    if (existsSync(socketPath)) unlinkSync(socketPath);
    const server = createServer();
    const self = new ControlServer(server, socketPath);
    server.on('connection', (socket) => self.serve(socket, handler));
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(socketPath, () => {
        server.off('error', fail);
        done();
      });
    });
    return self;
  }

  /** Stops accepting requests, waits for those in flight, removes the socket. */
  async close(): Promise<void> {
    const closed = new Promise<void>((done) => this.server.close(() => done()));
    await Promise.all(this.inFlight);
    await closed;
    if (existsSync(this.socketPath)) unlinkSync(this.socketPath);
  }

  private serve(socket: Socket, handler: ControlHandler): void {
    let buffer = '';
    let started = false;
    socket.setEncoding('utf8');
    socket.on('error', () => undefined);
    socket.on('data', (chunk: string) => {
      if (started) return;
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end < 0) return;
      started = true;
      const send = (message: ControlMessage) => {
        if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
      };
      const run = (async () => {
        try {
          const request = JSON.parse(buffer.slice(0, end)) as ControlRequest;
          if (typeof request.op !== 'string' || !Array.isArray(request.args)) throw new Error('malformed request');
          const value = await handler(request, (event) => send({ type: 'hook', event }));
          send({ type: 'result', value: value ?? null });
        } catch (error) {
          send(
            isRxcharmError(error)
              ? { type: 'error', code: error.code, message: error.message }
              : {
                  type: 'error',
                  code: 'AGENT_UNEXPECTED',
                  message: `unexpected failure in the agent: ${error instanceof Error ? error.message : String(error)}`,
                },
          );
        } finally {
          socket.end();
        }
      })();
      this.inFlight.add(run);
      void run.finally(() => this.inFlight.delete(run));
    });
  }
}

/**
 * Sends one request to the running agent and returns its result; hook events go to `onHook`.
 *
 * @throws AgentRequestError with the agent's error code and message; AgentConnectionError when
 *   the agent cannot be reached or ends without an answer.
 */
export async function sendControlRequest(
  socketPath: string,
  request: ControlRequest,
  onHook?: (event: HookEvent) => void,
): Promise<unknown> {
  return new Promise((done, fail) => {
    const socket = connect(socketPath);
    let buffer = '';
    let answered = false;
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('error', (error) => {
      if (!answered) fail(new AgentConnectionError(socketPath, error.message, error));
      answered = true;
    });
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
        const message = JSON.parse(buffer.slice(0, end)) as ControlMessage;
        buffer = buffer.slice(end + 1);
        if (message.type === 'hook') onHook?.(message.event);
        else if (!answered) {
          answered = true;
          if (message.type === 'result') done(message.value);
          else fail(new AgentRequestError(message.code, message.message));
        }
      }
    });
    socket.on('close', () => {
      if (!answered) fail(new AgentConnectionError(socketPath, 'the agent closed the connection without an answer'));
      answered = true;
    });
  });
}
