/**
 * Is Redis answering on `host:port` with this password? A bare TCP connect is not enough: Docker's
 * userland proxy accepts connections on a published port before the server in the container
 * listens, so the probe speaks RESP (AUTH then PING) and wants `+OK` and `+PONG` back.
 */
import { connect } from 'node:net';
import { retryUntil, type RetryOptions } from 'layer:basic';

/** The RESP request the probe sends: `AUTH <password>` (when set) then `PING`. */
export function probeRequest(password: string | undefined): string {
  const command = (...words: string[]) =>
    `*${words.length}\r\n${words.map((w) => `$${Buffer.byteLength(w)}\r\n${w}\r\n`).join('')}`;
  return (password === undefined || password === '' ? '' : command('AUTH', password)) + command('PING');
}

/** True when `reply` (everything read so far) holds the answers to {@link probeRequest}. */
export function isProbeAnswered(reply: string, password: string | undefined): boolean {
  const expected = password === undefined || password === '' ? '+PONG\r\n' : '+OK\r\n+PONG\r\n';
  return reply.startsWith(expected);
}

/** One probe attempt; resolves true or false, never rejects. */
export function probeRedis(
  host: string,
  port: number,
  password: string | undefined,
  timeoutMs = 2000,
): Promise<boolean> {
  return new Promise((resolve) => {
    let reply = '';
    const socket = connect({ host, port });
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(isProbeAnswered(reply, password)));
    socket.on('connect', () => socket.write(probeRequest(password)));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      if (isProbeAnswered(reply, password) || reply.includes('-')) finish(isProbeAnswered(reply, password));
    });
  });
}

/** Probes until Redis answers or `timeoutMs` passes; the injected `sleep` keeps tests off real timers. */
export async function waitForRedis(
  host: string,
  port: number,
  password: string | undefined,
  options: RetryOptions & { readonly probe?: typeof probeRedis } = {},
): Promise<boolean> {
  const { probe = probeRedis, ...retry } = options;
  return retryUntil(() => probe(host, port, password), { timeoutMs: 60_000, ...retry });
}
