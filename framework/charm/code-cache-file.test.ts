import { cachedDataFor } from './code-cache-file';

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
