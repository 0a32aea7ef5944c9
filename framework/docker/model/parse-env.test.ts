import { parseEnvFile } from './parse-env';
import { ValueError } from './value-error';

describe('parseEnvFile (compose env file syntax)', () => {
  it('reads KEY=VALUE lines with comments, export and quotes', () => {
    expect(parseEnvFile('# c\nA=1\nexport B="two\\nlines"\nC=\'$x\'\nD=v # note\nE=v# kept\n\nF: yaml')).toEqual({
      A: '1',
      B: 'two\nlines',
      C: '$x',
      D: 'v',
      E: 'v# kept',
      F: 'yaml',
    });
  });

  it('interpolates unquoted and double-quoted values from earlier lines, in order, with defaults', () => {
    const text =
      'WHEREAMI=EnvFile\nIMAGE=default_env:${WHEREAMI}\nTAG="${MISSING:-latest}"\nLIT=\'${WHEREAMI}\'\nLATER=$NEXT\nNEXT=x\n';
    const unset: string[] = [];
    expect(parseEnvFile(text, { onUnset: (n) => unset.push(n) })).toEqual({
      WHEREAMI: 'EnvFile',
      IMAGE: 'default_env:EnvFile',
      TAG: 'latest',
      LIT: '${WHEREAMI}',
      LATER: '',
      NEXT: 'x',
    });
    expect(unset).toEqual(['NEXT']);
  });

  it('looks variables up in the given environment before the file, and inherits bare names from it', () => {
    const env: Record<string, string> = { WHEREAMI: 'Shell', HOME_DIR: '/root' };
    expect(parseEnvFile('WHEREAMI=EnvFile\nA=${WHEREAMI}\nHOME_DIR\nNOPE\n', { lookup: (n) => env[n] })).toEqual({
      WHEREAMI: 'EnvFile',
      A: 'Shell',
      HOME_DIR: '/root',
    });
  });

  it('handles escapes: \\$ and $$ are literal dollars, \\" and \\\' quotes, multi-line double quotes', () => {
    expect(
      parseEnvFile('A="\\$X $$Y"\nB="say \\"hi\\"\\t!"\nC=\'it\\\'s \\n\'\nD="l1\nl2"\nE=$$Z\n', { lookup: () => 'v' }),
    ).toEqual({ A: '$X $Y', B: 'say "hi"\t!', C: "it's \\n", D: 'l1\nl2', E: '$Z' });
  });

  it('reports the line of a malformed entry or a failed required variable', () => {
    expect(() => parseEnvFile('A=1\nB C=2')).toThrow(/line 2: variable name "B C" contains a space/);
    expect(() => parseEnvFile('A=1\n\nB="open')).toThrow(/line 3: unterminated double-quoted value/);
    expect(() => parseEnvFile('A=${NEED:?set NEED}')).toThrow(
      /line 1: required variable NEED is missing a value: set NEED/,
    );
    expect(() => parseEnvFile('A="x" y')).toThrow(ValueError);
    expect(() => parseEnvFile('=1')).toThrow(/no variable name/);
  });
});

describe('parseEnvFile (format raw)', () => {
  it('takes values literally: quotes, $, # and trailing spaces kept', () => {
    expect(
      parseEnvFile('# comment\nQ="quoted"\nS=\'single\'\nD=${X:-y} $HOME\nH=a # b\nT=t  \r\n  LEAD=x\n', {
        format: 'raw',
        lookup: () => 'never',
      }),
    ).toEqual({ Q: '"quoted"', S: "'single'", D: '${X:-y} $HOME', H: 'a # b', T: 't  ', LEAD: 'x' });
  });
  it('inherits a bare name from the environment, and rejects names with spaces', () => {
    expect(parseEnvFile('A\nB\n', { format: 'raw', lookup: (n) => (n === 'A' ? '1' : undefined) })).toEqual({ A: '1' });
    expect(() => parseEnvFile('A B=1', { format: 'raw' })).toThrow(/line 1: variable name "A B" contains whitespace/);
  });
});
