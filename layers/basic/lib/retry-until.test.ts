import { retryUntil } from './retry-until';

describe('retryUntil', () => {
  it('retries until the attempt succeeds, within timeoutMs / intervalMs attempts', async () => {
    const answers = [false, true];
    const attempt = jest.fn(async () => answers.shift() ?? false);
    await expect(retryUntil(attempt, { timeoutMs: 1000, intervalMs: 100, sleep: async () => undefined })).resolves.toBe(
      true,
    );
    expect(attempt).toHaveBeenCalledTimes(2);
    const never = jest.fn(async () => false);
    await expect(retryUntil(never, { timeoutMs: 1000, intervalMs: 250, sleep: async () => undefined })).resolves.toBe(
      false,
    );
    expect(never).toHaveBeenCalledTimes(4);
  });
});
