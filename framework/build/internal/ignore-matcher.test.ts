import { ignoreMatcher } from './ignore-matcher';

describe('ignoreMatcher', () => {
  const match = ignoreMatcher(['tests', '*.swp', '/build', 'docs/*.md', 'deep/**/x.txt', '# comment']);

  it.each([
    ['tests/a.ts', true],
    ['lib/tests/a.ts', true],
    ['a.swp', true],
    ['dir/b.swp', true],
    ['build/x', true],
    ['sub/build/x', false],
    ['docs/a.md', true],
    ['docs/sub/a.md', false],
    ['deep/x.txt', true],
    ['deep/a/b/x.txt', true],
    ['testsuite/a.ts', false],
    ['readme.md', false],
  ])('%s → %s', (path, expected) => {
    expect(match(path)).toBe(expected);
  });
});
