/**
 * Test support: an in-memory request and response good enough for the workload handlers, so their
 * unit tests need no sockets.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

export interface Captured {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Runs `handle` against a fake request and returns what it wrote. */
export async function call(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  method: string,
  url: string,
  body = '',
  headers: Record<string, string> = {},
): Promise<Captured> {
  const req = Object.assign(Readable.from(body === '' ? [] : [Buffer.from(body)]), {
    method,
    url,
    headers,
  }) as unknown as IncomingMessage;
  const captured: Captured = { status: 0, headers: {}, body: '' };
  const res = {
    setHeader(name: string, value: string | number) {
      captured.headers[name.toLowerCase()] = String(value);
      return res;
    },
    writeHead(status: number, h: Record<string, string | number> = {}) {
      captured.status = status;
      for (const [k, v] of Object.entries(h)) captured.headers[k.toLowerCase()] = String(v);
      return res;
    },
    end(chunk?: string) {
      if (chunk !== undefined) captured.body += chunk;
      return res;
    },
  } as unknown as ServerResponse;
  await handle(req, res);
  return captured;
}
