import { isServerAnswer, retryUntil, sslRequest } from './pg-probe';
import { psqlCommand } from './psql';

describe('postgres probe', () => {
  it('sends the 8-byte SSLRequest', () => {
    expect(sslRequest().toString('hex')).toBe('0000000804d2162f');
  });

  it('takes S or N as the server answering, anything else not', () => {
    expect(isServerAnswer(Buffer.from('N'))).toBe(true);
    expect(isServerAnswer(Buffer.from('S'))).toBe(true);
    expect(isServerAnswer(Buffer.from('E'))).toBe(false);
    expect(isServerAnswer(Buffer.alloc(0))).toBe(false);
  });

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

describe('psqlCommand', () => {
  it('runs psql as the superuser, stopping on the first error, SQL as one argument', () => {
    expect(psqlCommand('SELECT 1;', 'app')).toEqual([
      'psql',
      '-X',
      '-q',
      '-t',
      '-A',
      '-v',
      'ON_ERROR_STOP=1',
      '-U',
      'postgres',
      '-d',
      'app',
      '-c',
      'SELECT 1;',
    ]);
  });
});
