import { isServerAnswer, sslRequest } from './pg-probe';
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
