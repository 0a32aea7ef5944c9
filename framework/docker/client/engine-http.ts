import { request, type RequestOptions } from 'node:http';
import { createConnection } from 'node:net';
import type { DockerConnection } from './docker-host';

/** Shape of a failed request, matching dockerode's errors so one mapper handles both. */
export interface EngineHttpError extends Error {
  statusCode?: number;
  code?: string;
  json?: { message?: string } | null;
}

/** One Engine API call. */
export interface EngineRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Path and query, e.g. `/containers/abc/stop?t=10`. */
  readonly path: string;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly timeoutMs?: number;
}

/**
 * A minimal JSON call to the Engine API over the unix socket or plain tcp. rxcharm's reads and
 * simple writes (create, start, stop, remove, networks, volumes) go through here, so that
 * `rxcharm compose up` never loads dockerode, whose dependency tree (ssh2, grpc, protobufjs)
 * costs ~100 ms of CPU in every process that loads it. Streams (pulls, exec) stay on dockerode.
 *
 * @returns the parsed JSON body (a plain-text body as a string; an empty one as null); rejects
 *   with an {@link EngineHttpError} on transport errors or status ≥ 400.
 */
export function engineRequest<T>(connection: DockerConnection, call: EngineRequest): Promise<T> {
  const payload = call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body), 'utf8');
  const headers: Record<string, string | number> = { Accept: 'application/json' };
  if (payload !== undefined)
    Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': payload.length });
  // Each request opens its own connection instead of going through http's Agent: the Agent's
  // first request compiles net.isIP's large regular expressions (~6 ms of a CLI start) to compute
  // a TLS server name these plain connections never use, and a short-lived process gains nothing
  // from its pool.
  const options: RequestOptions =
    connection.kind === 'socket'
      ? { socketPath: connection.socketPath, createConnection: () => createConnection(connection.socketPath) }
      : {
          host: connection.host,
          port: connection.port,
          createConnection: () => createConnection(connection.port, connection.host),
        };
  return new Promise<T>((resolve, reject) => {
    const req = request({ ...options, method: call.method, path: call.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = text;
        try {
          json = text === '' ? null : JSON.parse(text);
        } catch {
          // Plain-text bodies (e.g. /_ping's "OK") stay strings.
        }
        const status = res.statusCode ?? 0;
        if (status >= 400) {
          const message =
            typeof json === 'object' && json !== null && 'message' in json
              ? String((json as { message: unknown }).message)
              : text;
          const error: EngineHttpError = Object.assign(new Error(`(HTTP code ${status}) ${message}`), {
            statusCode: status,
            json: { message },
          });
          reject(error);
          return;
        }
        resolve(json as T);
      });
    });
    // Set on the request, not as the `timeout` option: without an Agent nothing applies that
    // option to the socket, and the call would wait forever on a hung daemon.
    if (call.timeoutMs !== undefined) req.setTimeout(call.timeoutMs);
    req.on('timeout', () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(payload);
  });
}

/** `?key=value&...` with each value URI-encoded; `filters` objects are JSON-encoded as the API expects. */
export function query(params: Readonly<Record<string, string | number | boolean | object | undefined>>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}
