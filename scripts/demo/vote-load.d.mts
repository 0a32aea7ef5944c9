// Types of vote-load.mjs for the TypeScript that imports it (bench/scale.bench.ts).

/** One ballot's answer. */
export interface VoteAnswer {
  readonly ok: boolean;
  /** HTTP status, 0 when no answer came. */
  readonly status: number;
  /** The container that served it (`X-Served-By`). */
  readonly servedBy: string | undefined;
  readonly error: string | undefined;
}

export interface LoadOptions {
  readonly concurrency?: number;
  /** Asked before each ballot with the next ballot's index. */
  readonly shouldStop: (next: number) => boolean;
  /** Send a failed ballot again (same voter id) until it succeeds or `retryForMs` passes. */
  readonly retry?: boolean;
  readonly retryForMs?: number;
  /** Pause of each client between ballots. */
  readonly paceMs?: number;
}

export interface LoadStats {
  /** Requests sent, retries included. */
  sent: number;
  /** Requests not answered 201, retries included. */
  failed: number;
  retried: number;
  /** Ballots that finally got a 201, per choice. */
  cast: { a: number; b: number };
  /** Ballots per container that served them. */
  servedBy: Map<string, number>;
  /** The first failures. */
  errors: string[];
}

export function postVote(
  baseUrl: string,
  voter: string,
  choice: 'a' | 'b',
  options?: { timeoutMs?: number },
): Promise<VoteAnswer>;

export function castLoad(baseUrl: string, options: LoadOptions): Promise<LoadStats>;

export function waitForBackends(baseUrl: string, count: number, options?: { timeoutMs?: number }): Promise<string[]>;
