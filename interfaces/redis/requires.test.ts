import type { Endpoint, EndpointInit, RelationSnapshot } from 'rxcharm';
import { endpointHookRunner, relationSnapshot, type EndpointHookState } from 'rxcharm/testing';
import { RedisProvides } from './provides';
import { RedisRequires } from './requires';

type HookState = EndpointHookState;
const runRedisHook = endpointHookRunner('redis');
/** Every hook here runs the `redis` endpoint. */
const runHook = <T extends Endpoint>(
  Class: new (init: EndpointInit) => T,
  relations: RelationSnapshot[],
  state: HookState,
  options: { departed?: boolean; role?: 'requires' | 'provides' } = {},
) => runRedisHook('redis', Class, relations, state, options);

function relation(units: Record<string, Record<string, string>>): RelationSnapshot {
  return { ...relationSnapshot('redis:1', units), remoteApp: 'redis' };
}

describe('RedisRequires', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('goes connected → available → gone through a relation lifecycle', async () => {
    const state: HookState = { flags: [], hashes: {} };
    let r = await runHook(RedisRequires, [relation({ 'redis/0': { 'private-address': '10.0.0.1' } })], state);
    expect(r.flags).toContain('redis.connected');
    expect(r.flags).not.toContain('redis.available');
    expect(r.endpoint.redisData()).toEqual([]);

    r = await runHook(RedisRequires, [relation({ 'redis/0': { 'private-address': '10.0.0.1', port: '6379' } })], state);
    expect(r.flags).toEqual(expect.arrayContaining(['redis.connected', 'redis.available']));
    expect(r.endpoint.redisData()).toEqual([
      { unit: 'redis/0', host: '10.0.0.1', port: 6379, uri: 'redis://10.0.0.1:6379' },
    ]);

    r = await runHook(RedisRequires, [relation({})], state, { departed: true });
    expect(r.flags).not.toContain('redis.connected');
    expect(r.flags).not.toContain('redis.available');
  });

  it('returns one independent object per unit', async () => {
    const state: HookState = { flags: [], hashes: {} };
    const { endpoint } = await runHook(
      RedisRequires,
      [relation({ 'redis/0': { host: 'a', port: '1' }, 'redis/1': { host: 'b', port: '2', password: 'pw' } })],
      state,
    );
    const data = endpoint.redisData();
    expect(data.map((d) => d.host)).toEqual(['a', 'b']);
    expect(data[1].password).toBe('pw');
    expect(data[0]).not.toBe(data[1]);
    expect(endpoint.redisData()[0]).not.toBe(data[0]);
  });

  it('treats a non-numeric port as not available and warns naming unit and key', async () => {
    const state: HookState = { flags: [], hashes: {} };
    const r = await runHook(RedisRequires, [relation({ 'redis/2': { host: 'a', port: 'six' } })], state);
    expect(r.flags).toContain('redis.connected');
    expect(r.flags).not.toContain('redis.available');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unit redis\/2: key port: not a TCP port/));
  });
});

describe('RedisProvides', () => {
  it('publishes host, port, password and uri as plain strings on every relation', async () => {
    const state: HookState = { flags: [], hashes: {} };
    const relations = [relation({ 'app/0': {} }), { ...relation({ 'other/0': {} }), relationId: 'redis:2' }];
    const { endpoint, flags } = await runHook(RedisProvides, relations, state, { role: 'provides' });
    expect(flags).toContain('redis.connected');
    endpoint.configure({ host: '10.0.0.9', port: 6380, password: 'p@ss' });
    for (const rel of endpoint.relations) {
      expect(rel.toPublish.diff()).toEqual({
        host: '10.0.0.9',
        hostname: '10.0.0.9',
        port: '6380',
        password: 'p@ss',
        uri: 'redis://:p%40ss@10.0.0.9:6380',
      });
    }
    endpoint.configure({ host: '10.0.0.9', port: 6380 });
    expect(endpoint.relations[0].toPublish.raw('password')).toBeUndefined();
    expect(() => endpoint.configure({ host: 'h', port: 0 })).toThrow(/port/);
  });
});
