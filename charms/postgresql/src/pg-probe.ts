/**
 * Is PostgreSQL answering on `host:port`? A bare TCP connect is not enough: Docker's userland
 * proxy accepts connections on a published port before the server in the container listens. The
 * probe sends an SSLRequest, which the server answers with one byte, `S` or `N`, before any
 * authentication — so it needs no credentials.
 */
import { connect } from 'node:net';

/** The 8-byte SSLRequest message: length 8, code 80877103. */
export function sslRequest(): Buffer {
  const message = Buffer.alloc(8);
  message.writeInt32BE(8, 0);
  message.writeInt32BE(80877103, 4);
  return message;
}

/** True when the first byte read is a server's answer to {@link sslRequest}. */
export function isServerAnswer(reply: Buffer): boolean {
  return reply.length > 0 && (reply[0] === 0x53 || reply[0] === 0x4e); // 'S' | 'N'
}

/** One probe attempt; resolves true or false, never rejects. */
export function probePostgres(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('connect', () => socket.write(sslRequest()));
    socket.on('data', (chunk: Buffer) => finish(isServerAnswer(chunk)));
  });
}
