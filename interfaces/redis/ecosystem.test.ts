/**
 * Our redis sides against what the ecosystem's real implementations publish and read, row by row
 * (docs/interfaces.md has the same table). Each real side is reproduced from its source file,
 * named in the row's comment.
 */
import type { EndpointSnapshot } from 'rxcharm';
import { RedisProvides } from './provides';
import { readRedisUnits } from './redis-data';

type Bag = Record<string, string>;

/** canonical/redis-k8s-operator `lib/charms/redis_k8s/v0/redis.py` `RedisProvides`: hostname and port, no password. */
const redisK8sProviderBag: Bag = { hostname: '10.5.0.30', port: '6379' };

/** omnivector-solutions/interface-redis `provides.py` `configure`: host (private-address), port, password, uri. */
const omnivectorProviderBag: Bag = {
  host: '10.5.0.31',
  port: '6379',
  password: 's3cret',
  uri: 'redis://:s3cret@10.5.0.31:6379',
};

/** canonical/redis-k8s-operator `lib/charms/redis_k8s/v0/redis.py` `RedisRequires`: hostname and port of the changed unit. */
function redisK8sClient(unitBag: Bag): { hostname?: string; port?: string } {
  return { hostname: unitBag.hostname, port: unitBag.port };
}

/** omnivector-solutions/interface-redis `requires.py` `relation_data`: host, port, password when set; skips a unit without host or port. */
function omnivectorClient(units: Bag[]): Array<{ host: string; port: string; password?: string }> {
  return units
    .filter((u) => u.host && u.port)
    .map((u) => ({ host: u.host!, port: u.port!, ...(u.password ? { password: u.password } : {}) }));
}

/** Our provider's bag for one relation, as the redis charm publishes it. */
function ourProviderBag(config: { host: string; port: number; password?: string }): Bag {
  const snapshot: EndpointSnapshot = {
    name: 'db',
    role: 'provides',
    interfaceName: 'redis',
    relations: [
      { relationId: 'db:3', remoteApp: 'app', units: { 'app/0': {} }, appData: {}, localUnit: {}, localApp: {} },
    ],
    departed: [],
  };
  const provides = new RedisProvides({ snapshot, isLeader: true });
  provides.configure(config, 'db:3');
  expect(() => provides.configure(config, 'db:99')).toThrow(/db:99/);
  return provides.relations[0]!.toPublish.diff();
}

describe('redis: our requires side against the real providers', () => {
  it('canonical/redis-k8s-operator RedisProvides (hostname, port, no password)', () => {
    const { connections } = readRedisUnits([{ unit: 'redis-k8s/0', data: redisK8sProviderBag }]);
    expect(connections).toEqual([
      { unit: 'redis-k8s/0', host: '10.5.0.30', port: 6379, uri: 'redis://10.5.0.30:6379' },
    ]);
  });

  it('omnivector-solutions/interface-redis provides (host, port, password, uri)', () => {
    const { connections } = readRedisUnits([{ unit: 'redis/0', data: omnivectorProviderBag }]);
    expect(connections).toEqual([
      { unit: 'redis/0', host: '10.5.0.31', port: 6379, password: 's3cret', uri: 'redis://:s3cret@10.5.0.31:6379' },
    ]);
  });
});

describe('redis: the real consumers against our provides side', () => {
  it('canonical/redis-k8s-operator RedisRequires reads hostname and port (auth=false: nothing else is needed)', () => {
    const bag = ourProviderBag({ host: '10.5.0.40', port: 6379 });
    expect(redisK8sClient(bag)).toEqual({ hostname: '10.5.0.40', port: '6379' });
    expect(bag).not.toHaveProperty('password');
    expect(bag.uri).toBe('redis://10.5.0.40:6379');
  });

  it('omnivector-solutions/interface-redis requires reads host, port and the password (auth=true)', () => {
    const bag = ourProviderBag({ host: '10.5.0.40', port: 6379, password: 'pw' });
    expect(omnivectorClient([bag])).toEqual([{ host: '10.5.0.40', port: '6379', password: 'pw' }]);
    expect(omnivectorClient([ourProviderBag({ host: '10.5.0.40', port: 6379 })])).toEqual([
      { host: '10.5.0.40', port: '6379' },
    ]);
  });
});
