import { cachedDataFor, codeCacheKey } from './code-cache-loader';

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

describe('cachedDataFor', () => {
  const hash = 'f'.repeat(32);
  it('returns the data after the hash tag of the same bundle', () => {
    const data = cachedDataFor(Buffer.concat([Buffer.from(hash, 'latin1'), Buffer.from([1, 2, 3])]), hash);
    expect([...(data ?? [])]).toEqual([1, 2, 3]);
  });

  it("ignores another bundle's cache, a truncated file and an empty one", () => {
    expect(
      cachedDataFor(Buffer.concat([Buffer.from('e'.repeat(32), 'latin1'), Buffer.from([1])]), hash),
    ).toBeUndefined();
    expect(cachedDataFor(Buffer.from(hash.slice(0, 10), 'latin1'), hash)).toBeUndefined();
    expect(cachedDataFor(Buffer.from(hash, 'latin1'), hash)).toBeUndefined();
    expect(cachedDataFor(Buffer.alloc(0), hash)).toBeUndefined();
  });
});
