import type { IncomingMessage, ServerResponse } from 'node:http';
import { cookie, HttpInputError, readBody, sendHtml, sendJson } from '../shared/http';
import type { Logger } from '../shared/log';
import { describeError } from '../shared/log';
import { BallotError, parseChoice, parseVoterId, type Ballot } from '../shared/ballot';
import { renderVotePage } from './page';

export interface VoteAppDeps {
  options: { a: string; b: string };
  hostname: string;
  /** Appends one serialized ballot to the Redis list `votes`. */
  push(ballot: Ballot): Promise<void>;
  /** A fresh voter id for a browser without the cookie. */
  newVoterId(): string;
  log: Logger;
}

const COOKIE = 'voter_id';

/**
 * The vote HTTP surface:
 * - `GET /` the form; `POST /` (form `vote=a|b`) casts for the cookie's voter, setting the cookie;
 * - `POST /vote` JSON `{"vote":"a"|"b","voter_id"?:string}` → `201 {"voter_id","vote"}`;
 * - `GET /healthz` → `200 {"status":"ok"}`.
 * A Redis failure answers 503 so clients (and tests) can retry; bad input answers 400.
 */
export function createVoteApp(deps: VoteAppDeps) {
  const page = (voted?: 'a' | 'b'): string =>
    renderVotePage({ options: deps.options, hostname: deps.hostname, ...(voted ? { voted } : {}) });

  async function handleForm(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const vote = parseChoice(form.get('vote'));
    const existing = cookie(req.headers.cookie, COOKIE);
    const voterId = existing !== undefined ? parseVoterId(existing) : deps.newVoterId();
    await deps.push({ voter_id: voterId, vote });
    sendHtml(res, 200, page(vote), {
      'set-cookie': `${COOKIE}=${encodeURIComponent(voterId)}; Path=/; HttpOnly; SameSite=Lax`,
    });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (error) {
      if (error instanceof HttpInputError) throw error;
      throw new BallotError('request body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new BallotError('request body must be a JSON object');
    }
    const fields = body as Record<string, unknown>;
    const vote = parseChoice(fields.vote);
    const voterId = fields.voter_id === undefined ? deps.newVoterId() : parseVoterId(fields.voter_id);
    const ballot: Ballot = { voter_id: voterId, vote };
    await deps.push(ballot);
    sendJson(res, 201, ballot);
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    // Names the container on every answer, as the page does, so a client behind a proxy sees
    // which unit served it.
    res.setHeader('x-served-by', deps.hostname);
    try {
      if (path === '/healthz' && req.method === 'GET') return sendJson(res, 200, { status: 'ok' });
      if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) return sendHtml(res, 200, page());
      if (path === '/' && req.method === 'POST') return await handleForm(req, res);
      if (path === '/vote' && req.method === 'POST') return await handleApi(req, res);
      sendJson(res, 404, { error: `no route for ${req.method} ${path}` });
    } catch (error) {
      if (error instanceof BallotError) return sendJson(res, 400, { error: error.message });
      if (error instanceof HttpInputError) return sendJson(res, error.status, { error: error.message });
      deps.log(`could not record vote: ${describeError(error)}`);
      sendJson(res, 503, { error: `vote not recorded: ${describeError(error)}` });
    }
  };
}
