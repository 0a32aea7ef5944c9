import { endpointFlagPlan, isHookScopedEndpointFlag, type EndpointFlagInput } from './endpoint-flags';
import type { RelationSnapshot } from './endpoint-snapshot';

const rel = (
  units: Record<string, Record<string, string>>,
  appData: Record<string, string> = {},
): RelationSnapshot => ({
  relationId: 'db:1',
  remoteApp: 'kv',
  units,
  appData,
  localUnit: {},
  localApp: {},
});

const plan = (over: Partial<EndpointFlagInput>) =>
  endpointFlagPlan({
    endpoint: 'db',
    relations: [],
    previousHashes: {},
    departedNow: false,
    currentFlags: [],
    ...over,
  });

describe('endpointFlagPlan', () => {
  it('no relation: nothing set, stale automatic flags cleared (but not interface flags)', () => {
    expect(
      plan({
        currentFlags: [
          'endpoint.db.joined',
          'endpoint.db.departed',
          'endpoint.db.changed.x',
          'db.available',
          'endpoint.web.joined',
        ],
      }),
    ).toEqual({
      set: [],
      clear: ['endpoint.db.changed.x', 'endpoint.db.departed', 'endpoint.db.joined'],
      hashes: {},
      changedKeys: [],
    });
  });

  it('a joined unit with an empty bag: joined only', () => {
    expect(plan({ relations: [rel({ 'kv/0': {} })] }).set).toEqual(['endpoint.db.joined']);
  });

  it('new, changed and removed keys set changed flags; unchanged ones do not', () => {
    const first = plan({ relations: [rel({ 'kv/0': { host: 'a', port: '1' } })] });
    expect(first.set).toEqual([
      'endpoint.db.changed',
      'endpoint.db.changed.host',
      'endpoint.db.changed.port',
      'endpoint.db.joined',
    ]);
    const same = plan({ relations: [rel({ 'kv/0': { host: 'a', port: '1' } })], previousHashes: first.hashes });
    expect(same.set).toEqual(['endpoint.db.joined']);
    const edited = plan({ relations: [rel({ 'kv/0': { host: 'b' } })], previousHashes: first.hashes });
    expect(edited.changedKeys).toEqual(['host', 'port']);
  });

  it('application bags count, and bag ids never collide with unit names', () => {
    const first = plan({ relations: [rel({ 'kv/1': { x: '1' } }, { version: '2' })] });
    expect(first.changedKeys).toEqual(['version', 'x']);
    expect(Object.keys(first.hashes).sort()).toEqual(['db:1/app:kv', 'db:1/kv/1']);
    expect(
      plan({ relations: [rel({ 'kv/1': { x: '1' } }, { version: '2' })], previousHashes: first.hashes }).changedKeys,
    ).toEqual([]);
  });

  it('hashes hold digests, not values', () => {
    const p = plan({ relations: [rel({ 'kv/0': { password: 'hunter2' } })] });
    expect(JSON.stringify(p.hashes)).not.toContain('hunter2');
  });

  it('departed is set in the departed hook and cleared in the next one', () => {
    expect(plan({ relations: [rel({ 'kv/0': {} })], departedNow: true }).set).toEqual([
      'endpoint.db.departed',
      'endpoint.db.joined',
    ]);
    expect(
      plan({ relations: [rel({ 'kv/0': {} })], currentFlags: ['endpoint.db.departed', 'endpoint.db.joined'] }).clear,
    ).toEqual(['endpoint.db.departed']);
  });

  it('a unit leaving does not count as a change; its hashes are dropped', () => {
    const both = plan({ relations: [rel({ 'kv/0': { a: '1' }, 'kv/1': { a: '2' } })] });
    const after = plan({ relations: [rel({ 'kv/0': { a: '1' } })], previousHashes: both.hashes });
    expect(after.changedKeys).toEqual([]);
    expect(Object.keys(after.hashes)).toEqual(['db:1/kv/0']);
  });

  it('knows which flags are hook-scoped', () => {
    expect(
      [
        'endpoint.db.changed',
        'endpoint.db.changed.host',
        'endpoint.db.joined',
        'endpoint.db.departed',
        'db.changed',
      ].map(isHookScopedEndpointFlag),
    ).toEqual([true, true, false, false, false]);
  });
});
