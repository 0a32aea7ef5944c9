/** What vote pushes onto the Redis list `votes`, and what worker reads back. */
export interface Ballot {
  voter_id: string;
  vote: 'a' | 'b';
}

/**
 * A ballot as it travels through the queue: vote stamps it with `cast_at` (milliseconds since the
 * epoch) when it queues it, so that a ballot delivered again late (its worker died before
 * acknowledging it) never overwrites a voter's newer choice. Entries without it (queued by an
 * older vote) are accepted.
 */
export interface QueuedBallot extends Ballot {
  cast_at?: number;
}

/** A rejected ballot; answered with 400 naming the field. */
export class BallotError extends Error {
  override readonly name = 'BallotError';
}

const VOTER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Validates a choice: exactly `a` or `b`. */
export function parseChoice(value: unknown): 'a' | 'b' {
  if (value === 'a' || value === 'b') return value;
  throw new BallotError(`vote must be "a" or "b", got ${JSON.stringify(value) ?? 'nothing'}`);
}

/** Validates a voter id: 1-64 characters of [A-Za-z0-9_-] (it ends up as a primary key). */
export function parseVoterId(value: unknown): string {
  if (typeof value === 'string' && VOTER_ID.test(value)) return value;
  throw new BallotError(
    `voter_id must be 1-64 characters of letters, digits, '_' or '-', got ${JSON.stringify(value) ?? 'nothing'}`,
  );
}

/** Decodes one entry of the `votes` list; throws BallotError for anything that is not a ballot. */
export function decodeBallot(raw: string): QueuedBallot {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new BallotError(`not JSON: ${raw.slice(0, 80)}`);
  }
  if (typeof value !== 'object' || value === null) throw new BallotError(`not an object: ${raw.slice(0, 80)}`);
  const fields = value as Record<string, unknown>;
  const ballot: QueuedBallot = { voter_id: parseVoterId(fields.voter_id), vote: parseChoice(fields.vote) };
  const castAt = fields.cast_at;
  if (castAt !== undefined) {
    if (typeof castAt !== 'number' || !Number.isSafeInteger(castAt) || castAt < 0)
      throw new BallotError(`cast_at must be milliseconds since the epoch, got ${JSON.stringify(castAt)}`);
    ballot.cast_at = castAt;
  }
  return ballot;
}
