import { createServer } from 'node:net';

/**
 * A TCP port the kernel hands out as free on every address (bound, then closed again before the
 * caller uses it). Imports only Node built-ins, so unit tests can use it.
 */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '0.0.0.0', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}
