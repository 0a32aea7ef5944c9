import { canonicalJson, sha256Canonical } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level, drops undefined members, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined, b: null } })).toBe('{"a":{"b":null,"d":[2,1]},"b":1}');
  });
  it('gives equal hashes for equal values in any key order', () => {
    expect(sha256Canonical({ x: 1, y: { p: 'q', r: 's' } })).toBe(sha256Canonical({ y: { r: 's', p: 'q' }, x: 1 }));
    expect(sha256Canonical({ x: [1, 2] })).not.toBe(sha256Canonical({ x: [2, 1] }));
  });
});
