import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where {@link useSocketServer}'s server listens. */
export interface SocketServer {
  /** The server's private directory (for paths next to the socket, such as one nothing listens on). */
  readonly dir: string;
  /** The unix socket the server listens on. */
  readonly socketPath: string;
}

/**
 * An HTTP server on a unix socket for the tests of the enclosing `describe` (a stand-in Docker
 * engine, for example): listening before the first test; closed, with its directory under the
 * system temp dir (`<prefix>XXXXXX`) removed, after the last. Imports only Node built-ins, so
 * unit tests can use it (import this file, not the Docker helpers' index).
 */
export function useSocketServer(prefix: string, handler: RequestListener): SocketServer {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const socketPath = join(dir, 'engine.sock');
  let server: Server | undefined;
  beforeAll(async () => {
    const listening = createServer(handler);
    server = listening;
    await new Promise<void>((resolve) => listening.listen(socketPath, resolve));
  });
  afterAll(async () => {
    const running = server;
    if (running !== undefined) {
      running.closeAllConnections();
      await new Promise<void>((resolve) => running.close(() => resolve()));
    }
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, socketPath };
}
