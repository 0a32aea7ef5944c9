import { deepMerge, deletePaths } from './deep-merge';

describe('deepMerge', () => {
  it('merges maps recursively, unions lists lower-first and lets higher scalars win', () => {
    const lower = { a: { x: 1, y: 1 }, tags: ['a', 'shared'], s: 'low', keep: true };
    const higher = { a: { y: 2, z: 2 }, tags: ['b', 'shared'], s: 'high' };
    expect(deepMerge(lower, higher)).toEqual({
      a: { x: 1, y: 2, z: 2 },
      tags: ['a', 'shared', 'b'],
      s: 'high',
      keep: true,
    });
  });
});

describe('deepMerge edge cases', () => {
  it('replaces an empty or scalar lower value and never mutates its inputs', () => {
    const lower = { a: null, b: 'x', list: ['x'] } as Record<string, unknown>;
    const higher = { a: { y: 1 }, b: ['l'], list: ['y'] };
    const merged = deepMerge(lower, higher);
    expect(merged).toEqual({ a: { y: 1 }, b: ['l'], list: ['x', 'y'] });
    expect(lower).toEqual({ a: null, b: 'x', list: ['x'] });
    (merged['a'] as Record<string, unknown>)['y'] = 2;
    expect(higher.a.y).toBe(1);
  });

  it('unions lists of maps by value', () => {
    expect(deepMerge({ l: [{ a: 1 }] }, { l: [{ a: 1 }, { b: 2 }] })).toEqual({ l: [{ a: 1 }, { b: 2 }] });
  });
});

describe('deletePaths', () => {
  it('removes dotted paths and ignores missing ones', () => {
    const data = { requires: { db: { interface: 'pgsql' }, cache: {} }, options: { vip: 1, port: 2 } };
    expect(deletePaths(data, ['requires.db', 'options.vip', 'nothing.here', 'requires.cache.x'])).toEqual({
      requires: { cache: {} },
      options: { port: 2 },
    });
    expect(data.requires.db).toBeDefined();
  });
});
