/**
 * Votes through an HTTP front (the proxy charm's HAProxy) from `concurrency` clients, each ballot
 * with its own voter id; counts accepted and failed requests and the containers that served them
 * (the vote service's `X-Served-By` header).
 */
import { performance } from 'node:perf_hooks';

export interface LoadStats {
  /** Requests sent. */
  requests: number;
  /** Requests not answered `201` (refused, reset, timed out, 5xx). */
  failed: number;
  /** Requests per container that answered them. */
  servedBy: Map<string, number>;
  /** The first failures, for the report. */
  errors: string[];
  wallMs: number;
}

async function postVote(
  baseUrl: string,
  voter: string,
  choice: 'a' | 'b',
): Promise<{ ok: boolean; servedBy?: string; error?: string }> {
  try {
    const response = await fetch(`${baseUrl}/vote`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ vote: choice, voter_id: voter }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = await response.text();
    const servedBy = response.headers.get('x-served-by') ?? undefined;
    return response.status === 201
      ? { ok: true, ...(servedBy ? { servedBy } : {}) }
      : { ok: false, error: `HTTP ${response.status} ${body.slice(0, 100)}` };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    return { ok: false, error: e.cause?.code ?? e.message };
  }
}

/** Casts ballots (`<prefix>-<i>`) until `shouldStop(i)` is true for the next index. */
export async function castLoad(
  baseUrl: string,
  prefix: string,
  concurrency: number,
  shouldStop: (next: number) => boolean,
): Promise<LoadStats> {
  const stats: LoadStats = { requests: 0, failed: 0, servedBy: new Map(), errors: [], wallMs: 0 };
  let next = 0;
  const started = performance.now();
  const client = async (): Promise<void> => {
    while (!shouldStop(next)) {
      const i = next;
      next += 1;
      stats.requests += 1;
      const answer = await postVote(baseUrl, `${prefix}-${i}`, i % 3 === 2 ? 'b' : 'a');
      if (answer.ok) {
        if (answer.servedBy) stats.servedBy.set(answer.servedBy, (stats.servedBy.get(answer.servedBy) ?? 0) + 1);
      } else {
        stats.failed += 1;
        if (stats.errors.length < 5 && answer.error) stats.errors.push(answer.error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  stats.wallMs = performance.now() - started;
  return stats;
}

/** Waits until `count` different containers answer `GET /` through `baseUrl`. */
export async function waitForBackends(baseUrl: string, count: number, timeoutMs = 120_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  const seen = new Set<string>();
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
    await new Promise((r) => setTimeout(r, seen.size === 0 ? 500 : 50));
  }
  throw new Error(`only ${seen.size} container(s) answered through ${baseUrl}, expected ${count}`);
}
