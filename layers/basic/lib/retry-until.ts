/** Options of {@link retryUntil}. */
export interface RetryOptions {
  /** How long to keep trying (default 90 s). */
  readonly timeoutMs?: number;
  /** The pause between two attempts (default 500 ms). */
  readonly intervalMs?: number;
  /** Injectable so that tests stay off real timers. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Retries `attempt` until it answers true or `timeoutMs` passes (`timeoutMs / intervalMs`
 * attempts, at least one); true when one attempt succeeded.
 *
 * @example
 * ```ts
 * if (!(await retryUntil(() => probe(host, port), { timeoutMs: 60_000 }))) return setWorkloadStatus(this, 'waiting', '...');
 * ```
 */
export async function retryUntil(attempt: () => Promise<boolean>, options: RetryOptions = {}): Promise<boolean> {
  const {
    timeoutMs = 90_000,
    intervalMs = 500,
    sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
  } = options;
  const attempts = Math.max(1, Math.ceil(timeoutMs / intervalMs));
  for (let i = 0; i < attempts; i++) {
    if (await attempt()) return true;
    await sleep(intervalMs);
  }
  return false;
}
