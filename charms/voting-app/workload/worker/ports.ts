import type { QueuedBallot } from '../shared/ballot';

/**
 * Where ballots come from: the Redis list `votes`, read as a reliable queue. Taking an entry moves
 * it onto this worker's own processing list in the same atomic step, and only `ack` removes it from
 * there, so a worker that dies between taking and saving leaves the entry where another worker
 * finds it (`recover`).
 */
export interface BallotSource {
  /**
   * Moves the next entry onto this worker's processing list and returns it, waiting up to
   * `timeoutSeconds`; null when none arrived. Also tells other workers this one is alive. When
   * `signal` aborts, the wait ends at once with null (a stopping worker does not sit out the
   * timeout); an entry already taken stays on the processing list for `release`.
   */
  next(timeoutSeconds: number, signal?: AbortSignal): Promise<string | null>;
  /** Removes a handled entry (saved, or dropped as invalid) from the processing list. */
  ack(raw: string): Promise<void>;
  /**
   * Puts back at the head of the queue every entry left on this worker's processing list (a
   * previous run of the same container, or a save that failed) and on the processing list of any
   * worker that stopped telling it is alive. Resolves with the number of entries put back.
   */
  recover(): Promise<number>;
  /** A clean stop: gives this worker's unacknowledged entries back and withdraws its liveness. */
  release(): Promise<void>;
  close(): void;
}

/** Where ballots go (the Postgres table `votes`). */
export interface BallotStore {
  /**
   * Records the voter's latest choice (insert or update). Idempotent: saving the same ballot twice
   * (a redelivery after a crash) leaves one row, and a ballot older than the one stored (by
   * `cast_at`) changes nothing.
   */
  save(ballot: QueuedBallot): Promise<void>;
  close(): Promise<void>;
}
