import { backoffDelay, sleep } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => backoffDelay(n))).toEqual([
      250, 500, 1000, 2000, 4000, 5000, 5000, 5000,
    ]);
  });
});

describe('sleep', () => {
  it('resolves at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(sleep(60_000, controller.signal)).resolves.toBeUndefined();
  });

  it('resolves early when the signal aborts', async () => {
    jest.useFakeTimers();
    try {
      const controller = new AbortController();
      let done = false;
      const pending = sleep(60_000, controller.signal).then(() => {
        done = true;
      });
      await Promise.resolve();
      expect(done).toBe(false);
      controller.abort();
      await pending;
      expect(done).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
