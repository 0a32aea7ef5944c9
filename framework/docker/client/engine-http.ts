import { request, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import type { RequestOptions as HttpsRequestOptions } from 'node:https';
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
  /** Resolve with the raw body (a `Buffer`) instead of parsing it, e.g. for multiplexed logs. */
  readonly binary?: boolean;
}

type Send = (options: RequestOptions, onResponse: (res: IncomingMessage) => void) => ClientRequest;

/**
 * One call to the Engine API, over a unix socket, plain tcp or TLS: the one transport of every
 * request/response call of `DockerodeClient` (everything but the streams of pulls and exec). It
 * does not load dockerode, whose dependency tree (ssh2, grpc, protobufjs) would cost every
 * process that talks to Docker, such as a hook that only pings it.
 *
 * @returns the parsed JSON body (a plain-text body as a string; an empty one as null; the raw
 *   bytes with `binary`); rejects with an {@link EngineHttpError} on transport errors or status ≥ 400.
 */
export async function engineRequest<T>(connection: DockerConnection, call: EngineRequest): Promise<T> {
  // node:https (and with it tls) is loaded only for TLS daemons: plain connections never pay for it.
  const send: Send =
    connection.kind === 'tcp' && connection.protocol === 'https' ? (await import('node:https')).request : request;
  return exchange<T>(send, connectionOptions(connection), call);
}

/**
 * Where the request goes. Plain connections open their own socket instead of going through http's
 * Agent: the Agent's first request compiles net.isIP's large regular expressions to compute a TLS
 * server name these connections never use, and a short-lived process gains nothing from its pool.
 */
function connectionOptions(connection: DockerConnection): RequestOptions | HttpsRequestOptions {
  if (connection.kind === 'socket')
    return { socketPath: connection.socketPath, createConnection: () => createConnection(connection.socketPath) };
  const { host, port, tls } = connection;
  if (connection.protocol === 'http') return { host, port, createConnection: () => createConnection(port, host) };
  return {
    host,
    port,
    agent: false,
    ca: tls?.ca,
    cert: tls?.cert,
    key: tls?.key,
    rejectUnauthorized: tls?.verify ?? true,
  };
}

function exchange<T>(send: Send, options: RequestOptions, call: EngineRequest): Promise<T> {
  const payload = call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body), 'utf8');
  const headers: Record<string, string | number> = { Accept: 'application/json' };
  if (payload !== undefined)
    Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': payload.length });
  return new Promise<T>((resolve, reject) => {
    const req = send({ ...options, method: call.method, path: call.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const status = res.statusCode ?? 0;
        if (status >= 400) {
          reject(httpError(status, bytes.toString('utf8')));
          return;
        }
        resolve((call.binary === true ? bytes : parseBody(bytes.toString('utf8'))) as T);
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

function parseBody(text: string): unknown {
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    return text; // plain-text bodies (e.g. /_ping's "OK") stay strings
  }
}

function httpError(status: number, text: string): EngineHttpError {
  const json = parseBody(text);
  const message =
    typeof json === 'object' && json !== null && 'message' in json
      ? String((json as { message: unknown }).message)
      : text;
  return Object.assign(new Error(`(HTTP code ${status}) ${message}`), { statusCode: status, json: { message } });
}

/** `?key=value&...` with each value URI-encoded; `filters` objects are JSON-encoded as the API expects. */
export function query(params: Readonly<Record<string, string | number | boolean | object | undefined>>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}
