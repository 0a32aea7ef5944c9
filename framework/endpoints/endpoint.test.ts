import { FlagSet, KeyValueStore } from '../unit';
import { runInDispatchContext } from '../reactive';
import { Endpoint } from './endpoint';
import { endpointArgsForFlags, endpointNameFromFlag } from './endpoint-from-flag';
import type { EndpointSnapshot } from './endpoint-snapshot';

const snapshot: EndpointSnapshot = {
  name: 'db',
  role: 'requires',
  interfaceName: 'kvdb',
  relations: [
    {
      relationId: 'db:2',
      remoteApp: 'b',
      units: { 'b/10': { host: '"b10"', only10: '1' }, 'b/9': { host: '"b9"' } },
      appData: { v: '1' },
      localUnit: { mine: '"x"' },
      localApp: {},
    },
    { relationId: 'db:11', remoteApp: 'c', units: {}, appData: {}, localUnit: {}, localApp: {} },
  ],
  departed: [{ relationId: 'db:2', unitName: 'b/3', data: { host: '"gone"' } }],
};

describe('Endpoint', () => {
  it('exposes relations, joined units in numeric order and merged received data', () => {
    const ep = new Endpoint({ snapshot, isLeader: false });
    expect(ep.endpointName).toBe('db');
    expect(ep.relations.map((r) => r.relationId)).toEqual(['db:2', 'db:11']);
    expect(ep.joinedUnits.map((u) => u.unitName)).toEqual(['b/9', 'b/10']);
    expect(ep.isJoined).toBe(true);
    // The first joined unit wins a key several publish.
    expect(ep.received.get('host')).toBe('b9');
    expect(ep.received.get('only10')).toBe(1);
    expect(ep.receivedApp.get('v')).toBe(1);
    expect(ep.relation('db:2')?.applicationName).toBe('b');
    expect(ep.departedUnits).toEqual(snapshot.departed);
  });

  it("gives joined units' raw data in the form interface readers take", () => {
    const ep = new Endpoint({ snapshot, isLeader: false });
    expect(ep.remoteUnitData()).toEqual([
      { unit: 'b/9', application: 'b', relationId: 'db:2', data: { host: '"b9"' } },
      { unit: 'b/10', application: 'b', relationId: 'db:2', data: { host: '"b10"', only10: '1' } },
    ]);
  });

  it('stages data on every relation; app data only as leader', () => {
    const ep = new Endpoint({ snapshot, isLeader: false });
    ep.publish('client', 'me');
    expect(ep.relations.map((r) => r.toPublish.diff())).toEqual([{ client: '"me"' }, { client: '"me"' }]);
    expect(() => ep.publishApp('x', 1)).toThrow(/not the leader/);
    const leader = new Endpoint({ snapshot, isLeader: true });
    leader.publishApp('x', 1);
    expect(leader.relations[0]?.toPublishApp.diff()).toEqual({ x: '1' });
  });

  it('expands flag names and acts on the current dispatch', () => {
    const ep = new Endpoint({ snapshot, isLeader: false });
    expect(ep.expandName('{endpoint_name}.available')).toBe('db.available');
    expect(ep.expandName('ready')).toBe('endpoint.db.ready');
    const flags = new FlagSet();
    runInDispatchContext({ flags, kv: new KeyValueStore() }, () => {
      ep.setFlag('{endpoint_name}.available');
      ep.toggleFlag('ready', true);
      expect(ep.isFlagSet('ready')).toBe(true);
      ep.clearFlag('ready');
    });
    expect(flags.list()).toEqual(['db.available']);
  });
});

describe('endpoint from flag', () => {
  const names = new Set(['db', 'web']);

  it('resolves endpoint.<name>.* and <name>.* flags', () => {
    expect(endpointNameFromFlag('endpoint.db.joined', names)).toBe('db');
    expect(endpointNameFromFlag('web.available', names)).toBe('web');
    expect(endpointNameFromFlag('config.changed', names)).toBeUndefined();
    expect(endpointNameFromFlag('endpoint.nope.joined', names)).toBeUndefined();
    expect(endpointNameFromFlag('db', names)).toBeUndefined();
  });

  it('gives each endpoint once, in order of first mention', () => {
    expect(endpointArgsForFlags(['config.set.x', 'web.available', 'endpoint.db.joined', 'web.ready'], names)).toEqual([
      'web',
      'db',
    ]);
  });
});
