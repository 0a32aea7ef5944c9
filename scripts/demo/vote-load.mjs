/**
 * Votes through a proxy, as many clients would cast them: each ballot has its own voter id, the
 * answer's `X-Served-By` header (set by the vote service) names the container that served it.
 * Shared by the demo's scale story and `npm run bench -- scale`.
 */
import { randomBytes } from 'node:crypto';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * One ballot through `baseUrl` (`http://host:port`): `{ ok, status, servedBy, error }`. Never
 * throws: a refused connection or a timeout is a failed request.
 */
export async function postVote(baseUrl, voter, choice, { timeoutMs = 10_000 } = {}) {
  try {
    const response = await fetch(`${baseUrl}/vote`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ vote: choice, voter_id: voter }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    return {
      ok: response.status === 201,
      status: response.status,
      servedBy: response.headers.get('x-served-by') ?? undefined,
      error: response.status === 201 ? undefined : `HTTP ${response.status} ${body.trim().slice(0, 120)}`,
    };
  } catch (error) {
    return { ok: false, status: 0, servedBy: undefined, error: error.cause?.code ?? error.message };
  }
}

/**
 * Casts ballots through `baseUrl` with `concurrency` clients until `shouldStop(sent)` says so
 * (checked before each ballot). Ballot `i` is for `a` unless `i % 3 === 2`. With `retry`, a failed
 * request is sent again with the same voter id (saving is idempotent per voter, so a retry of a
 * ballot that did get through counts once) until it succeeds or `retryForMs` passes.
 *
 * Resolves with `{ sent, failed, retried, cast: {a, b}, servedBy: Map<container, n>, errors }`:
 * `failed` counts requests that did not answer 201 (retries included), `cast` the ballots that
 * finally got a 201.
 */
export async function castLoad(
  baseUrl,
  { concurrency = 8, shouldStop, retry = false, retryForMs = 30_000, paceMs = 0 },
) {
  const prefix = `load-${randomBytes(4).toString('hex')}`;
  const stats = { sent: 0, failed: 0, retried: 0, cast: { a: 0, b: 0 }, servedBy: new Map(), errors: [] };
  let next = 0;
  const client = async () => {
    while (!shouldStop(next)) {
      const i = next;
      next += 1;
      const choice = i % 3 === 2 ? 'b' : 'a';
      const voter = `${prefix}-${i}`;
      const deadline = Date.now() + retryForMs;
      for (;;) {
        stats.sent += 1;
        const answer = await postVote(baseUrl, voter, choice);
        if (answer.ok) {
          stats.cast[choice] += 1;
          if (answer.servedBy) stats.servedBy.set(answer.servedBy, (stats.servedBy.get(answer.servedBy) ?? 0) + 1);
          break;
        }
        stats.failed += 1;
        if (stats.errors.length < 5) stats.errors.push(answer.error);
        if (!retry || Date.now() > deadline) break;
        stats.retried += 1;
        await sleep(100);
      }
      if (paceMs > 0) await sleep(paceMs);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return stats;
}

/** Waits until `count` different containers answer `GET /` through the proxy (health checks passed). */
export async function waitForBackends(baseUrl, count, { timeoutMs = 90_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  const seen = new Set();
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(5000) });
      await response.text();
      const servedBy = response.headers.get('x-served-by');
      if (response.status === 200 && servedBy) seen.add(servedBy);
      if (seen.size >= count) return [...seen];
    } catch {
      // the proxy or a backend is still starting
    }
    await sleep(seen.size === 0 ? 500 : 50);
  }
  throw new Error(
    `only ${seen.size} container(s) answered through ${baseUrl} within ${timeoutMs / 1000}s, expected ${count}`,
  );
}
