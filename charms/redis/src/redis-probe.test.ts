import { isProbeAnswered, probeRequest, waitForRedis } from './redis-probe';

describe('redis probe', () => {
  it('sends AUTH then PING as RESP arrays, counting bytes', () => {
    expect(probeRequest('sécret')).toBe('*2\r\n$4\r\nAUTH\r\n$7\r\nsécret\r\n*1\r\n$4\r\nPING\r\n');
    expect(probeRequest(undefined)).toBe('*1\r\n$4\r\nPING\r\n');
  });

  it('wants +OK and +PONG with a password, +PONG without', () => {
    expect(isProbeAnswered('+OK\r\n+PONG\r\n', 'pw')).toBe(true);
    expect(isProbeAnswered('+OK\r\n', 'pw')).toBe(false);
    expect(isProbeAnswered('-WRONGPASS invalid\r\n', 'pw')).toBe(false);
    expect(isProbeAnswered('+PONG\r\n', undefined)).toBe(true);
    expect(isProbeAnswered('', undefined)).toBe(false);
  });

  it('retries until the probe answers, then stops', async () => {
    const answers = [false, false, true, true];
    const probe = jest.fn(async () => answers.shift() ?? false);
    const sleep = jest.fn(async () => undefined);
    await expect(waitForRedis('h', 1, 'pw', { timeoutMs: 10_000, intervalMs: 100, probe, sleep })).resolves.toBe(true);
    expect(probe).toHaveBeenCalledTimes(3);
    expect(probe).toHaveBeenCalledWith('h', 1, 'pw');
  });

  it('gives up after timeoutMs / intervalMs attempts', async () => {
    const probe = jest.fn(async () => false);
    await expect(
      waitForRedis('h', 1, undefined, { timeoutMs: 1000, intervalMs: 250, probe, sleep: async () => undefined }),
    ).resolves.toBe(false);
    expect(probe).toHaveBeenCalledTimes(4);
  });
});
