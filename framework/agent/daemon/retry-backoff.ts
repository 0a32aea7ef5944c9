/** Juju's first delay before a failed hook is retried (`retrystrategy`: 5 s). */
export const RETRY_BASE_MS = 5_000;

/** Juju's longest delay between retries of a failed hook (5 min). */
export const RETRY_CAP_MS = 300_000;

/**
 * Delay before retry number `attempt` (0 for the first retry after a failure) of a failed hook,
 * as Juju's retry strategy computes it: the base, doubling each attempt, capped.
 */
export function retryDelayMs(attempt: number, baseMs = RETRY_BASE_MS, capMs = RETRY_CAP_MS): number {
  if (baseMs <= 0) return 0;
  // Past 2^20 × base the cap has long been reached; stop doubling before the number overflows.
  return Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempt, 0), 20));
}
