/**
 * Reconnect delays: exponential from `initialMs`, capped at `maxMs`. Pure, so the worker's retry
 * policy can be tested without timers.
 */
export function backoffDelay(attempt: number, initialMs = 250, maxMs = 5000): number {
  if (attempt <= 0) return initialMs;
  return Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 20));
}

/** Resolves after `ms`, or at once when `signal` aborts (so SIGTERM never waits out a backoff). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
