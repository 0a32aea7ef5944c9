import type { Ballot } from '../shared/ballot';

/** Where ballots come from (the Redis list `votes`). */
export interface BallotSource {
  /** The next raw entry, waiting up to `timeoutSeconds`; null when none arrived. */
  next(timeoutSeconds: number): Promise<string | null>;
  /** Puts an entry back at the head of the list after the store refused it. */
  requeue(raw: string): Promise<void>;
  close(): void;
}

/** Where ballots go (the Postgres table `votes`). */
export interface BallotStore {
  /** Records the voter's latest choice (insert or update). */
  save(ballot: Ballot): Promise<void>;
  close(): Promise<void>;
}
