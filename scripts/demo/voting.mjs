/**
 * Talking to the voting app as a user would: POST ballots to the vote service, read the tally
 * from the result service's /api/results.
 */
import { randomBytes } from 'node:crypto';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A service's base URL: a port number means the loopback, a string is used as is (`http://host:port`). */
const baseOf = (target) => (typeof target === 'number' ? `http://127.0.0.1:${target}` : target);

/** Casts one ballot (`a` or `b`); retries while the vote service starts or its Redis is not there yet. */
export async function castVote(votePort, choice, { timeoutMs = 60_000 } = {}) {
  const voter = `demo-${randomBytes(6).toString('hex')}`;
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseOf(votePort)}/vote`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ vote: choice, voter_id: voter }),
        signal: AbortSignal.timeout(5000),
      });
      const body = await response.text();
      if (response.status === 201) return { voter, choice };
      last = `HTTP ${response.status} ${body.trim()}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(500);
  }
  throw new Error(`vote at ${baseOf(votePort)} was not accepted within ${timeoutMs / 1000}s (last: ${last})`);
}

/** The current tally `{ a, b, total }` from the result service. */
export async function readResults(resultPort) {
  const response = await fetch(`${baseOf(resultPort)}/api/results`, { signal: AbortSignal.timeout(5000) });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET /api/results: HTTP ${response.status} ${body.trim()}`);
  return JSON.parse(body);
}

/**
 * Waits until the result page shows exactly `expected` (`{ a, b }`), or fails after `timeoutMs`
 * with the last tally seen. The worker moves ballots from Redis to Postgres asynchronously.
 */
export async function waitForResults(resultPort, expected, { timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const tally = await readResults(resultPort);
      if (tally.a === expected.a && tally.b === expected.b) return tally;
      last = JSON.stringify(tally);
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(500);
  }
  throw new Error(
    `results at ${baseOf(resultPort)} did not reach a=${expected.a} b=${expected.b} within ${timeoutMs / 1000}s (last: ${last})`,
  );
}
