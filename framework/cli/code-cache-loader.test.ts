import { codeCacheKey } from './code-cache-loader';

describe('codeCacheKey', () => {
  it('keys a cache by the command name', () => {
    expect(codeCacheKey(['compose', '-f', 'x.yml', 'up'])).toBe('compose');
    expect(codeCacheKey(['update-status', 'voting-app/0'])).toBe('update-status');
  });

  it('uses the default cache for no command, options, and anything that must not become a file name', () => {
    expect(codeCacheKey([])).toBe('default');
    expect(codeCacheKey(['--help'])).toBe('default');
    expect(codeCacheKey(['../../etc/passwd'])).toBe('default');
    expect(codeCacheKey(['Compose'])).toBe('default');
    expect(codeCacheKey(['a'.repeat(41)])).toBe('default');
  });
});
