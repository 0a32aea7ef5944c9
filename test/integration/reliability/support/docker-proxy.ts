/**
 * A unix-socket proxy in front of the real Docker socket that a test can "stop" and "start":
 * stopping closes the listener, removes the socket file and cuts every open connection, which is
 * exactly what a client sees when dockerd dies (ENOENT/ECONNREFUSED for new requests, ECONNRESET
 * for requests in flight) — without disturbing the real daemon other tests use.
 */
import { rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export class DockerProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** Requests seen since the last start (counted by the HTTP request line of each chunk). */
  requests = 0;
  private onRequest: ((n: number) => void) | undefined;

  constructor(
    readonly path: string,
    private readonly upstream = '/var/run/docker.sock',
  ) {}

  /** `unix://...` for the charm's docker_host. */
  get url(): string {
    return `unix://${this.path}`;
  }

  /** Calls `fn` with the running count after each request line seen. */
  watch(fn: ((n: number) => void) | undefined): void {
    this.onRequest = fn;
  }

  async start(): Promise<void> {
    rmSync(this.path, { force: true });
    this.requests = 0;
    const server = createServer((client) => {
      const upstream = createConnection(this.upstream);
      this.sockets.add(client);
      this.sockets.add(upstream);
      client.on('data', (chunk: Buffer) => {
        const count = (chunk.toString('latin1').match(/^(GET|POST|PUT|DELETE|HEAD) \/\S* HTTP\/1\.1\r$/gm) ?? [])
          .length;
        for (let i = 0; i < count; i++) {
          this.requests += 1;
          this.onRequest?.(this.requests);
        }
      });
      client.pipe(upstream).pipe(client);
      const drop = (): void => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.path, resolve);
    });
    this.server = server;
  }

  /** The "daemon" dies: no new connections, open ones are cut. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(this.path, { force: true });
  }

  get running(): boolean {
    return this.server !== undefined;
  }
}
