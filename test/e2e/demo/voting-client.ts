/** The voting app as a user reaches it: POST ballots, GET /api/results (bounded retries). */
import { randomBytes } from 'node:crypto';

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Casts each ballot through `POST /vote`, retrying while the service (or its Redis) starts. */
export async function castVotes(votePort: number, ballots: ReadonlyArray<'a' | 'b'>): Promise<void> {
  for (const vote of ballots) {
    const voter = `e2e-${randomBytes(6).toString('hex')}`;
    let last = '';
    for (let attempt = 0; attempt < 120; attempt++) {
      try {
        const response = await fetch(`http://127.0.0.1:${votePort}/vote`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ vote, voter_id: voter }),
          signal: AbortSignal.timeout(5000),
        });
        last = `${response.status} ${await response.text()}`;
        if (response.status === 201) break;
      } catch (error) {
        last = String((error as { cause?: { code?: string } }).cause?.code ?? error);
      }
      if (attempt === 119) throw new Error(`vote not accepted on port ${votePort}: ${last}`);
      await pause(500);
    }
  }
}

/** Polls `/api/results` until it equals `expected`; returns the last tally seen either way. */
export async function resultsReach(
  resultPort: number,
  expected: { a: number; b: number },
): Promise<{ a: number; b: number; total: number } | string> {
  let last: { a: number; b: number; total: number } | string = 'no answer';
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${resultPort}/api/results`, { signal: AbortSignal.timeout(5000) });
      last =
        response.status === 200
          ? ((await response.json()) as { a: number; b: number; total: number })
          : `${response.status}`;
      if (typeof last === 'object' && last.a === expected.a && last.b === expected.b) return last;
    } catch (error) {
      last = String(error);
    }
    await pause(500);
  }
  return last;
}
