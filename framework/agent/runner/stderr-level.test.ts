import { stderrLogLevel } from './stderr-level';

describe('stderrLogLevel', () => {
  it('maps pino numeric levels', () => {
    const at = (level: number): string => stderrLogLevel(JSON.stringify({ level, time: 1, msg: 'compose' }));
    expect([10, 20, 30, 40, 50, 60].map(at)).toEqual(['DEBUG', 'DEBUG', 'INFO', 'WARNING', 'ERROR', 'ERROR']);
    expect(at(35)).toBe('INFO'); // a custom level between info and warn
  });

  it('maps level labels, whatever their case', () => {
    const at = (level: string): string => stderrLogLevel(`{"level":"${level}","msg":"x"}`);
    expect(['trace', 'debug', 'INFO', 'warn', 'warning', 'error', 'fatal'].map(at)).toEqual([
      'DEBUG',
      'DEBUG',
      'INFO',
      'WARNING',
      'WARNING',
      'ERROR',
      'ERROR',
    ]);
    expect(at('loud')).toBe('WARNING');
  });

  it('keeps anything else on stderr at WARNING', () => {
    for (const line of [
      'Traceback (most recent call last):',
      '    at main (/charm/hooks/dispatch.js:1:1)',
      '{"msg":"no level"}',
      '{"level":null}',
      '{not json}',
      '[30]',
      '',
    ]) {
      expect(stderrLogLevel(line)).toBe('WARNING');
    }
  });
});
