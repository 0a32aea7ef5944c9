import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { drainServer } from './http';

/** One POST on a fresh connection; resolves with status, Connection header and body. */
function post(port: number): Promise<{ status: number; connection: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, method: 'POST', path: '/', agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
    });
    req.on('error', reject);
    req.end('x');
  });
}

describe('drainServer', () => {
  let server: Server;
  let release: () => void = () => undefined;
  let arrived: () => void = () => undefined;

  beforeEach(async () => {
    server = createServer((req, res) => {
      arrived();
      req.resume();
      req.on('end', () => {
        release = () => res.end('done');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });

  afterEach(() => server.closeAllConnections());

  it('answers the request in progress with Connection: close, then refuses new connections', async () => {
    const { port } = server.address() as AddressInfo;
    const inFlight = new Promise<void>((r) => (arrived = r));
    const answer = post(port);
    await inFlight;
    let drained = false;
    const draining = drainServer(server, 10_000).then(() => (drained = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(drained).toBe(false);
    await expect(post(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    release();
    expect(await answer).toEqual({ status: 200, connection: 'close', body: 'done' });
    await draining;
    expect(drained).toBe(true);
  });

  it('cuts connections still busy after the grace period', async () => {
    const { port } = server.address() as AddressInfo;
    const inFlight = new Promise<void>((r) => (arrived = r));
    const answer = post(port);
    await inFlight;
    await drainServer(server, 50);
    await expect(answer).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});
