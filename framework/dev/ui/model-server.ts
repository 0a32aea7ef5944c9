import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { LocalAgent } from '../../agent';
import { charmGraph, renderSvg } from '../../testing';
import { MODEL_PAGE } from './model-page';
import { charmStamp, modelFingerprint, readModelView } from './model-view';

/** Options of {@link ModelServer.start}. */
export interface ModelServerOptions {
  /** Port on 127.0.0.1 (default 0: a free one). */
  readonly port?: number;
  /** How often the server looks at the model's files for changes (default 200 ms); clients never poll. */
  readonly checkMs?: number;
}

/**
 * The live model page (`rxcharm ui`, and `rxcharm dev`): an HTTP server bound to 127.0.0.1 that
 * serves the page, the model view as JSON, each application's flag graph as SVG, and a
 * server-sent event stream that sends the view again whenever the model, a unit's store or a
 * unit's traces change.
 */
export class ModelServer implements AsyncDisposable {
  private readonly clients = new Set<ServerResponse>();
  private readonly graphs = new Map<string, { readonly key: string; readonly svg: Promise<string> }>();
  private timer: NodeJS.Timeout | undefined;
  private fingerprint = '';

  private constructor(
    private readonly agent: LocalAgent,
    private readonly server: Server,
  ) {}

  /** Starts the server; `url` is where the page is. */
  static async start(agent: LocalAgent, options: ModelServerOptions = {}): Promise<ModelServer> {
    const server = createServer();
    const self = new ModelServer(agent, server);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void self.handle(req, res));
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, '127.0.0.1', () => done());
    });
    self.fingerprint = modelFingerprint(agent);
    self.timer = setInterval(() => self.check(), options.checkMs ?? 200);
    return self;
  }

  /** `http://127.0.0.1:<port>/`. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  private check(): void {
    const next = modelFingerprint(this.agent);
    if (next === this.fingerprint || this.clients.size === 0) {
      this.fingerprint = next;
      return;
    }
    this.fingerprint = next;
    this.broadcast();
  }

  private broadcast(): void {
    let data: string;
    try {
      data = JSON.stringify(readModelView(this.agent));
    } catch {
      return; // a model file being replaced: the next change sends it
    }
    for (const client of this.clients) client.write(`event: model\ndata: ${data}\n\n`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    try {
      if (path === '/') return send(res, 200, 'text/html; charset=utf-8', MODEL_PAGE);
      if (path === '/api/model') return send(res, 200, 'application/json', JSON.stringify(readModelView(this.agent)));
      if (path === '/events') return this.subscribe(res);
      const graph = /^\/graph\/([^/]+)\.svg$/.exec(path);
      if (graph !== null) return send(res, 200, 'image/svg+xml', await this.graph(decodeURIComponent(graph[1]!)));
      return send(res, 404, 'text/plain', 'not found\n');
    } catch (error) {
      return send(res, 500, 'text/plain', `${(error as Error).message}\n`);
    }
  }

  private subscribe(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
    res.write(`event: model\ndata: ${JSON.stringify(readModelView(this.agent))}\n\n`);
  }

  /** The SVG `rxcharm graph` draws for the application's charm, computed again when the charm changes. */
  private graph(app: string): Promise<string> {
    const record = this.agent.state().app(app);
    const source = record.layer ?? record.source;
    const key = `${source}|${charmStamp(join(this.agent.modelDir, record.charmDir))}`;
    const cached = this.graphs.get(app);
    if (cached !== undefined && cached.key === key) return cached.svg;
    const svg = charmGraph(source).then(renderSvg);
    svg.catch(() => this.graphs.delete(app));
    this.graphs.set(app, { key, svg });
    return svg;
  }

  /** Stops the server and ends every event stream. */
  async dispose(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    for (const client of this.clients) client.end();
    this.clients.clear();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
