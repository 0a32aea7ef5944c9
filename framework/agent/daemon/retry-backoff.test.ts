import { HookRetries, type RetryTimers } from './hook-retries';
import { RETRY_BASE_MS, RETRY_CAP_MS, retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  it('is Juju’s schedule: 5s doubling to a 5 minute cap', () => {
    expect(RETRY_BASE_MS).toBe(5_000);
    expect(RETRY_CAP_MS).toBe(300_000);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 100].map((n) => retryDelayMs(n) / 1000)).toEqual([
      5, 10, 20, 40, 80, 160, 300, 300, 300,
    ]);
  });

  it('scales from another base and keeps the cap', () => {
    expect([0, 1, 2, 3].map((n) => retryDelayMs(n, 100, 500))).toEqual([100, 200, 400, 500]);
    expect(retryDelayMs(3, 0)).toBe(0);
  });
});

/** Timers the test fires by hand. */
function fakeTimers(): RetryTimers & { armed: Array<{ fn: () => void; ms: number; live: boolean }>; fire(): void } {
  const armed: Array<{ fn: () => void; ms: number; live: boolean }> = [];
  return {
    armed,
    set: (fn, ms) => {
      const timer = { fn, ms, live: true };
      armed.push(timer);
      return timer;
    },
    clear: (handle) => {
      (handle as { live: boolean }).live = false;
    },
    fire() {
      for (const timer of armed.filter((t) => t.live)) {
        timer.live = false;
        timer.fn();
      }
    },
  };
}

describe('HookRetries', () => {
  function setup(enabled = true) {
    const errors = new Set<string>();
    const retried: string[] = [];
    const timers = fakeTimers();
    const state = { enabled };
    const retries = new HookRetries({
      enabled: () => state.enabled,
      unitsInError: () => [...errors],
      retry: (unit) => {
        retried.push(unit);
        errors.delete(unit);
      },
      baseMs: 5_000,
      timers,
    });
    return { errors, retried, timers, retries, state };
  }

  it('retries a unit that keeps failing with doubling delays, one timer at a time', () => {
    const { errors, retried, timers, retries } = setup();
    errors.add('a/0');
    for (let i = 0; i < 4; i++) {
      retries.reconcile();
      retries.reconcile();
      timers.fire();
      errors.add('a/0'); // the retried hook failed again
    }
    expect(timers.armed.map((t) => t.ms)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retried).toEqual(['a/0', 'a/0', 'a/0', 'a/0']);
  });

  it('starts over after a success', () => {
    const { errors, timers, retries } = setup();
    errors.add('a/0');
    retries.reconcile();
    timers.fire();
    errors.add('a/0');
    retries.reconcile();
    timers.fire();
    retries.succeeded('a/0');
    errors.add('a/0');
    retries.reconcile();
    expect(timers.armed.map((t) => t.ms)).toEqual([5_000, 10_000, 5_000]);
  });

  it('starts over after the operator resolved the unit, and cancels the pending timer', () => {
    const { errors, retried, timers, retries } = setup();
    errors.add('a/0');
    retries.reconcile();
    timers.fire();
    errors.add('a/0');
    retries.reconcile();
    errors.delete('a/0'); // rxcharm resolve
    retries.reconcile();
    expect(timers.armed.filter((t) => t.live)).toEqual([]);
    errors.add('a/0');
    retries.reconcile();
    expect(timers.armed.map((t) => t.ms)).toEqual([5_000, 10_000, 5_000]);
    expect(retried).toEqual(['a/0']);
  });

  it('does not retry while automatically-retry-hooks is false', () => {
    const { errors, retried, timers, retries, state } = setup(false);
    errors.add('a/0');
    retries.reconcile();
    expect(timers.armed).toEqual([]);
    state.enabled = true;
    retries.reconcile();
    state.enabled = false;
    timers.fire();
    expect(retried).toEqual([]);
    retries.reconcile();
    expect(timers.armed.filter((t) => t.live)).toEqual([]);
  });
});
