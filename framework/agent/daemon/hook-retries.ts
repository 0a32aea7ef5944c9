import { RETRY_BASE_MS, RETRY_CAP_MS, retryDelayMs } from './retry-backoff';

/** Timer functions (Node's by default; tests pass fakes). */
export interface RetryTimers {
  readonly set: (fn: () => void, ms: number) => unknown;
  readonly clear: (handle: unknown) => void;
}

/** Options of {@link HookRetries}. */
export interface HookRetriesOptions {
  /** `automatically-retry-hooks`, read at each reconcile. */
  readonly enabled: () => boolean;
  /** Units in error now. */
  readonly unitsInError: () => readonly string[];
  /** Clears a unit's error so its failed hook runs again (only called while it is still in error). */
  readonly retry: (unit: string) => void;
  readonly baseMs?: number;
  readonly capMs?: number;
  readonly timers?: RetryTimers;
  /** Told each time a retry is scheduled (for the agent's log). */
  readonly onScheduled?: (unit: string, delayMs: number, attempt: number) => void;
}

const NODE_TIMERS: RetryTimers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Juju's automatic hook retries: a unit in error gets its failed hook run again after the
 * back-off delay (base, doubling, capped). A success or an operator's `resolve` resets the
 * back-off; with retries disabled no timer is pending. Call {@link reconcile} after anything that
 * may change a unit's error (a hook ended, a command changed the model, a setting changed).
 */
export class HookRetries {
  private readonly pending = new Map<string, unknown>();
  private readonly attempts = new Map<string, number>();

  constructor(private readonly options: HookRetriesOptions) {}

  /** A hook of `unit` succeeded: its next failure starts from the base delay again. */
  succeeded(unit: string): void {
    this.attempts.delete(unit);
  }

  /** Arms a timer for each unit in error that has none; drops timers of units no longer in error. */
  reconcile(): void {
    const inError = new Set(this.options.enabled() ? this.options.unitsInError() : []);
    for (const [unit, handle] of this.pending) {
      if (inError.has(unit)) continue;
      // Resolved by the operator (or retries were switched off): the back-off starts over.
      this.timers.clear(handle);
      this.pending.delete(unit);
      this.attempts.delete(unit);
    }
    for (const unit of inError) {
      if (this.pending.has(unit)) continue;
      const attempt = this.attempts.get(unit) ?? 0;
      const delay = retryDelayMs(attempt, this.options.baseMs ?? RETRY_BASE_MS, this.options.capMs ?? RETRY_CAP_MS);
      this.attempts.set(unit, attempt + 1);
      this.pending.set(
        unit,
        this.timers.set(() => {
          this.pending.delete(unit);
          if (this.options.enabled() && this.options.unitsInError().includes(unit)) this.options.retry(unit);
        }, delay),
      );
      this.options.onScheduled?.(unit, delay, attempt + 1);
    }
  }

  /** Cancels every pending retry. */
  cancelAll(): void {
    for (const handle of this.pending.values()) this.timers.clear(handle);
    this.pending.clear();
  }

  private get timers(): RetryTimers {
    return this.options.timers ?? NODE_TIMERS;
  }
}
