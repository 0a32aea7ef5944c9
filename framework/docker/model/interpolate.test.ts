import { interpolate, InterpolationFailure } from './interpolate';

describe('interpolate', () => {
  const env = { A: 'a', EMPTY: '', N: '5' };

  it.each([
    ['$A-${A}', 'a-a'],
    ['${MISSING:-def}', 'def'],
    ['${EMPTY:-def}', 'def'],
    ['${EMPTY-def}', ''],
    ['${MISSING-def}', 'def'],
    ['${A:+set}', 'set'],
    ['${MISSING:+set}', ''],
    ['${MISSING:-${A:-x}}', 'a'],
    ['$$A costs $$5', '$A costs $5'],
    ['100$', '100$'],
    ['$1', '$1'],
  ])('%s → %s', (input, expected) => {
    expect(interpolate(input, env)).toBe(expected);
  });

  it('warns about unset variables and uses an empty string', () => {
    const warned: string[] = [];
    expect(interpolate('x${NOPE}y$ALSO', env, (n) => warned.push(n))).toBe('xy');
    expect(warned).toEqual(['NOPE', 'ALSO']);
  });

  it('fails on a missing required variable with its message', () => {
    expect(() => interpolate('${MISSING:?set MISSING please}', env)).toThrow(InterpolationFailure);
    expect(() => interpolate('${EMPTY:?need it}', env)).toThrow(/EMPTY.*need it/);
    expect(interpolate('${EMPTY?need it}', env)).toBe('');
  });

  it('fails on malformed braces', () => {
    expect(() => interpolate('${A', env)).toThrow(/unclosed/);
    expect(() => interpolate('${1A}', env)).toThrow(/invalid interpolation/);
    expect(() => interpolate('${A!x}', env)).toThrow(/invalid interpolation/);
  });
});
