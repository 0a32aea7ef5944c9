/** Host ports for the demo: the wanted one when free, else the next free one. */
import { createServer } from 'node:net';

/** True when nothing listens on `port` (all interfaces). */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The first free port from `wanted` upwards that is not in `taken`. */
export async function freePort(wanted, taken = new Set()) {
  for (let port = wanted; port < wanted + 200 && port <= 65535; port++) {
    if (!taken.has(port) && (await isPortFree(port))) return port;
  }
  throw new Error(`no free TCP port in ${wanted}-${wanted + 199}`);
}
