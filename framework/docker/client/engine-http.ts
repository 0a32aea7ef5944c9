import { request, type RequestOptions } from 'node:http';
import type { DockerConnection } from './docker-host';

/** Shape of a failed request, matching dockerode's errors so one mapper handles both. */
export interface EngineHttpError extends Error {
  statusCode?: number;
  code?: string;
  json?: { message?: string } | null;
}

/**
 * A minimal JSON GET against the Engine API over the unix socket or plain tcp. Used for the
 * read-only calls of `observe`, so that a no-op `up` never has to load dockerode (whose
 * dependency tree costs ~150 ms of start-up in a CLI process).
 *
 * @returns the parsed JSON body; rejects with an {@link EngineHttpError} on transport errors or status ≥ 400.
 */
export function engineGet<T>(connection: DockerConnection, path: string, timeoutMs?: number): Promise<T> {
  const options: RequestOptions =
    connection.kind === 'socket'
      ? { socketPath: connection.socketPath, path, method: 'GET' }
      : { host: connection.host, port: connection.port, path, method: 'GET' };
  return new Promise<T>((resolve, reject) => {
    const req = request({ ...options, headers: { Accept: 'application/json' }, timeout: timeoutMs }, (res) => {
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
          const message = typeof json === 'object' && json !== null && 'message' in json ? String((json as { message: unknown }).message) : text;
          const error: EngineHttpError = Object.assign(new Error(`(HTTP code ${status}) ${message}`), { statusCode: status, json: { message } });
          reject(error);
          return;
        }
        resolve(json as T);
      });
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end();
  });
}

/** `?key=value&...` with each value URI-encoded; `filters` objects are JSON-encoded as the API expects. */
export function query(params: Readonly<Record<string, string | number | boolean | object | undefined>>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}
