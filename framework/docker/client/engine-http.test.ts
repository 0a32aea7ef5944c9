import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { useSocketServer } from '../../../test/support/socket-server';
import type { DockerConnection } from './docker-host';
import { engineRequest, type EngineHttpError } from './engine-http';

/** A stand-in engine on a unix socket that records each request and answers from a table. */
interface Seen {
  readonly method: string;
  readonly url: string;
  readonly contentType: string | undefined;
  readonly body: string;
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

describe('engineRequest', () => {
  const seen: Seen[] = [];
  const { dir, socketPath } = useSocketServer('rxcharm-engine-http-', async (req, res) => {
    const body = await read(req);
    seen.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'], body });
    if (req.url === '/containers/create?name=p_web_1') {
      res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ Id: 'abc', Warnings: [] }));
    } else if (req.url === '/containers/abc/start') {
      res.writeHead(204).end();
    } else if (req.url === '/_ping') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('OK');
    } else if (req.url === '/slow') {
      // Never answers: the client's timeout must end the call.
    } else {
      res
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ message: `no such thing: ${req.url}` }));
    }
  });
  const connection: DockerConnection = { kind: 'socket', socketPath, display: `unix://${socketPath}` };

  it('sends a JSON body with its content type and returns the parsed answer', async () => {
    const answer = await engineRequest<{ Id: string }>(connection, {
      method: 'POST',
      path: '/containers/create?name=p_web_1',
      body: { Image: 'img', Env: ['A=ü'] },
    });
    expect(answer).toEqual({ Id: 'abc', Warnings: [] });
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      url: '/containers/create?name=p_web_1',
      contentType: 'application/json',
      body: '{"Image":"img","Env":["A=ü"]}',
    });
  });

  it('returns null for an empty answer and the text of a plain-text one', async () => {
    await expect(engineRequest(connection, { method: 'POST', path: '/containers/abc/start' })).resolves.toBeNull();
    expect(seen.at(-1)?.contentType).toBeUndefined();
    await expect(engineRequest(connection, { method: 'GET', path: '/_ping' })).resolves.toBe('OK');
  });

  it("rejects a status >= 400 with the status code and the engine's message", async () => {
    const error = (await engineRequest(connection, { method: 'DELETE', path: '/containers/gone' }).catch(
      (e: unknown) => e,
    )) as EngineHttpError;
    expect(error.statusCode).toBe(404);
    expect(error.json?.message).toBe('no such thing: /containers/gone');
    expect(seen.at(-1)?.method).toBe('DELETE');
  });

  it('rejects with ETIMEDOUT when the engine does not answer in time', async () => {
    const error = (await engineRequest(connection, { method: 'GET', path: '/slow', timeoutMs: 200 }).catch(
      (e: unknown) => e,
    )) as EngineHttpError;
    expect(error.code).toBe('ETIMEDOUT');
  }, 10_000);

  it('rejects with the socket error code when nothing listens', async () => {
    const missing: DockerConnection = { kind: 'socket', socketPath: join(dir, 'missing.sock'), display: 'x' };
    const error = (await engineRequest(missing, { method: 'GET', path: '/_ping' }).catch(
      (e: unknown) => e,
    )) as EngineHttpError;
    expect(error.code).toBe('ENOENT');
  });
});
