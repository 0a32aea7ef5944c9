import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHtml, sendJson } from '../shared/http';
import { describeError, type Logger } from '../shared/log';
import { renderResultPage } from './page';
import type { Tally } from './tally';

export interface ResultAppDeps {
  options: { a: string; b: string };
  /** Current counts from the database. */
  counts(): Promise<Tally>;
  log: Logger;
}

/**
 * The result HTTP surface: `GET /` the page, `GET /api/results` → `{"a":N,"b":M,"total":T}`,
 * `GET /healthz` → `{"status":"ok"}`. A database failure answers 503 naming the cause.
 */
export function createResultApp(deps: ResultAppDeps) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    const get = req.method === 'GET' || req.method === 'HEAD';
    try {
      if (get && path === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (get && path === '/api/results') return sendJson(res, 200, await deps.counts());
      if (get && path === '/') return sendHtml(res, 200, renderResultPage(deps.options, await deps.counts()));
      sendJson(res, 404, { error: `no route for ${req.method} ${path}` });
    } catch (error) {
      deps.log(`could not read results: ${describeError(error)}`);
      sendJson(res, 503, { error: `results unavailable: ${describeError(error)}` });
    }
  };
}
