import { readRedisUnits, redisUri } from './redis-data';

describe('readRedisUnits', () => {
  it('returns one fresh entry per unit (no aliasing)', () => {
    const { connections, problems } = readRedisUnits([
      { unit: 'redis/0', data: { host: '10.0.0.1', port: '6379' } },
      { unit: 'redis/1', data: { 'private-address': '10.0.0.2', port: '6380', password: 's3cret' } },
    ]);
    expect(problems).toEqual([]);
    expect(connections).toEqual([
      { unit: 'redis/0', host: '10.0.0.1', port: 6379, uri: 'redis://10.0.0.1:6379' },
      { unit: 'redis/1', host: '10.0.0.2', port: 6380, password: 's3cret', uri: 'redis://:s3cret@10.0.0.2:6380' },
    ]);
    expect(connections[0]).not.toBe(connections[1]);
  });

  it('accepts JSON-encoded values from Endpoint-era providers', () => {
    const { connections } = readRedisUnits([
      { unit: 'r/0', data: { host: '"10.1.1.1"', port: '6379', password: '""' } },
    ]);
    expect(connections).toEqual([{ unit: 'r/0', host: '10.1.1.1', port: 6379, uri: 'redis://10.1.1.1:6379' }]);
  });

  it('prefers host over hostname over addresses', () => {
    const { connections } = readRedisUnits([
      { unit: 'r/0', data: { hostname: 'h', 'private-address': 'p', port: '1' } },
      { unit: 'r/1', data: { 'ingress-address': 'i', 'private-address': 'p', port: '1' } },
    ]);
    expect(connections.map((c) => c.host)).toEqual(['h', 'i']);
  });

  it.each([
    [{ host: 'h' }, 'port', 'missing'],
    [{ host: 'h', port: 'abc' }, 'port', 'invalid'],
    [{ host: 'h', port: '70000' }, 'port', 'invalid'],
    [{ host: 'h', port: '0' }, 'port', 'invalid'],
    [{ port: '6379' }, 'host', 'missing'],
    [{ host: 'a b', port: '6379' }, 'host', 'invalid'],
  ])('skips a unit with %j and names the key', (data, key, kind) => {
    const { connections, problems } = readRedisUnits([{ unit: 'redis/3', data }]);
    expect(connections).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ unit: 'redis/3', key, kind })]);
  });

  it('brackets IPv6 hosts and encodes passwords in URIs', () => {
    expect(redisUri('fd00::1', 6379, 'a@b')).toBe('redis://:a%40b@[fd00::1]:6379');
  });
});
