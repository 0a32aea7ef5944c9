import { createConnection, type Socket } from 'node:net';
import { encodeCommand, RespDecoder, type RespValue } from './resp';
import type { RedisSettings } from './env';

/** A reply of `-ERR ...` from the server, or a lost connection while a command was pending. */
export class RedisCommandError extends Error {
  override readonly name = 'RedisCommandError';
}

interface Pending {
  resolve(value: RespValue): void;
  reject(error: Error): void;
}

/**
 * One Redis connection with pipelined commands answered in order. It does not reconnect by itself:
 * callers own the retry policy (vote retries per request, worker loops with backoff), and a dead
 * connection rejects everything pending so nobody waits forever.
 */
export class RedisConnection {
  private readonly decoder = new RespDecoder();
  private readonly pending: Pending[] = [];
  private closedError: Error | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new RedisCommandError('connection closed')));
  }

  /** Connects, authenticates when a password is set and checks the server answers PING. */
  static async open(settings: RedisSettings, timeoutMs = 5000): Promise<RedisConnection> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = createConnection({ host: settings.host, port: settings.port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new RedisCommandError(`timed out connecting to ${settings.host}:${settings.port}`));
      }, timeoutMs);
      s.once('connect', () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    socket.setKeepAlive(true);
    const connection = new RedisConnection(socket);
    try {
      if (settings.password) await connection.command(['AUTH', settings.password]);
      await connection.command(['PING']);
    } catch (error) {
      connection.close();
      throw error;
    }
    return connection;
  }

  /** True until the socket errors or closes. */
  get alive(): boolean {
    return this.closedError === undefined;
  }

  /** Sends one command; resolves with its reply, rejects on `-ERR` or a lost connection. */
  command(args: readonly string[]): Promise<RespValue> {
    if (this.closedError) return Promise.reject(this.closedError);
    return new Promise<RespValue>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.socket.write(encodeCommand(args));
    });
  }

  close(): void {
    this.fail(new RedisCommandError('connection closed by client'));
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    let values: RespValue[];
    try {
      values = this.decoder.push(chunk);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      this.socket.destroy();
      return;
    }
    for (const value of values) {
      const waiter = this.pending.shift();
      if (!waiter) continue;
      if (value.kind === 'error') waiter.reject(new RedisCommandError(value.message));
      else waiter.resolve(value);
    }
  }

  private fail(error: Error): void {
    if (!this.closedError) this.closedError = error;
    for (const waiter of this.pending.splice(0)) waiter.reject(error);
  }
}
