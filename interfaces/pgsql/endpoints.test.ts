import { KeyValueStore } from 'rxcharm';
import {
  endpointHookRunner,
  FlagSet,
  relationSnapshot,
  runInDispatchContext,
  type EndpointHookState,
} from 'rxcharm/testing';
import { PgsqlProvides } from './provides';
import { PgsqlRequires } from './requires';

type HookState = EndpointHookState;
const runHook = endpointHookRunner('pgsql');
const relation = relationSnapshot;

class Client extends PgsqlRequires {
  protected override localUnitName(): string {
    return 'voting-app/0';
  }
}

const grant = {
  host: '10.0.0.5',
  port: '5432',
  database: 'votes',
  user: 'u',
  password: 'p',
  'allowed-units': 'voting-app/0',
};

describe('PgsqlRequires', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('is connected, then database.available once granted, then gone', async () => {
    const state: HookState = { flags: [], hashes: {} };
    let r = await runHook(
      'postgres',
      Client,
      [relation('postgres:1', { 'postgresql/0': { 'private-address': '10.0.0.5' } })],
      state,
    );
    expect(r.flags).toContain('postgres.connected');
    expect(r.flags).not.toContain('postgres.database.available');
    expect(r.endpoint.master).toBeUndefined();

    r = await runHook('postgres', Client, [relation('postgres:1', { 'postgresql/0': grant })], state);
    expect(r.flags).toEqual(expect.arrayContaining(['postgres.connected', 'postgres.database.available']));
    expect([
      r.endpoint.host(),
      r.endpoint.port(),
      r.endpoint.user(),
      r.endpoint.password(),
      r.endpoint.database(),
    ]).toEqual(['10.0.0.5', 5432, 'u', 'p', 'votes']);
    expect(String(r.endpoint.master)).toContain('dbname=votes');

    r = await runHook('postgres', Client, [relation('postgres:1', {})], state, { departed: true });
    expect(r.flags.filter((f) => f.startsWith('postgres.'))).toEqual([]);
  });

  it('is not available while this unit is missing from allowed-units', async () => {
    const state: HookState = { flags: [], hashes: {} };
    const r = await runHook(
      'postgres',
      Client,
      [relation('postgres:1', { 'postgresql/0': { ...grant, 'allowed-units': 'other/0' } })],
      state,
    );
    expect(r.flags).toContain('postgres.connected');
    expect(r.flags).not.toContain('postgres.database.available');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unit postgresql/0: key allowed-units'));
  });

  it('publishes requests raw and waits until they are mirrored', async () => {
    const state: HookState = { flags: [], hashes: {} };
    const r = await runHook('postgres', Client, [relation('postgres:1', { 'postgresql/0': grant })], state);
    const flags = new FlagSet(r.flags);
    runInDispatchContext({ flags, kv: new KeyValueStore() }, () => {
      r.endpoint.setDatabase('other');
      r.endpoint.setRoles(['b', 'a']);
      r.endpoint.setExtensions(['hstore']);
    });
    expect(flags.has('postgres.database.available')).toBe(false);
    expect(r.endpoint.relations[0].toPublish.diff()).toEqual({ database: 'other', roles: 'a,b', extensions: 'hstore' });
    // the leader also writes the application bag, which the PostgreSQL charm reads first
    expect(r.endpoint.relations[0].toPublishApp.diff()).toEqual({
      database: 'other',
      roles: 'a,b',
      extensions: 'hstore',
    });
    expect(r.endpoint.master).toBeUndefined();
    expect(r.endpoint.waitingFor()).toBe('database: waiting for the requested database other');
  });

  it('names the key it waits for when the provider never mirrors the roles', async () => {
    const state: HookState = { flags: [], hashes: {} };
    const r = await runHook(
      'postgres',
      Client,
      [relation('postgres:1', { 'postgresql/0': grant }, { roles: 'reporting' })],
      state,
    );
    expect(r.endpoint.master).toBeUndefined();
    expect(r.endpoint.waitingFor()).toBe('roles: waiting for the requested roles');
  });

  it('waits until its egress subnets are in allowed-subnets', async () => {
    const state: HookState = { flags: [], hashes: {} };
    const mine = { 'egress-subnets': '10.0.0.7/32' };
    let r = await runHook(
      'postgres',
      Client,
      [relation('postgres:1', { 'postgresql/0': { ...grant, 'allowed-subnets': '10.0.0.8/32' } }, mine)],
      state,
    );
    expect(r.flags).not.toContain('postgres.database.available');
    expect(r.endpoint.waitingFor()).toBe('allowed-subnets: egress subnet 10.0.0.7/32 not granted access yet');
    r = await runHook(
      'postgres',
      Client,
      [relation('postgres:1', { 'postgresql/0': { ...grant, 'allowed-subnets': '10.0.0.7/32,10.0.0.8/32' } }, mine)],
      state,
    );
    expect(r.flags).toContain('postgres.database.available');
    expect(r.endpoint.waitingFor()).toBeUndefined();
  });

  it('warns about a non-numeric port and stays unavailable', async () => {
    const state: HookState = { flags: [], hashes: {} };
    const r = await runHook(
      'postgres',
      Client,
      [relation('postgres:1', { 'postgresql/0': { ...grant, port: 'x' } })],
      state,
    );
    expect(r.flags).not.toContain('postgres.database.available');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unit postgresql/0: key port'));
  });
});

describe('PgsqlProvides', () => {
  it('flags unanswered requests and publishes a grant the client accepts', async () => {
    const state: HookState = { flags: [], hashes: {} };
    const rel = relation('db:4', { 'voting-app/0': { database: 'votes' }, 'voting-app/1': {} });
    let r = await runHook('db', PgsqlProvides, [rel], state, { role: 'provides' });
    expect(r.flags).toEqual(expect.arrayContaining(['db.connected', 'db.database.requested']));
    expect(r.endpoint.consumers()).toEqual([
      {
        relationId: 'db:4',
        application: 'voting-app',
        units: ['voting-app/0', 'voting-app/1'],
        request: { database: 'votes', roles: [], extensions: [], mirror: {}, egressSubnets: [] },
        granted: false,
      },
    ]);
    const flags = new FlagSet(r.flags);
    runInDispatchContext({ flags, kv: new KeyValueStore() }, () => {
      r.endpoint.provideDatabase('db:4', {
        host: '10.0.0.5',
        port: 5432,
        database: 'votes',
        user: 'u',
        password: 'p',
        allowedUnits: ['voting-app/0', 'voting-app/1'],
        allowedSubnets: [],
      });
    });
    expect(flags.has('db.database.requested')).toBe(false);
    state.flags = flags.list().filter((f) => !f.startsWith('endpoint.db.changed'));
    expect(r.endpoint.consumers()[0].granted).toBe(true);
    const published = r.endpoint.relations[0].toPublish.diff();
    expect(published).toMatchObject({ database: 'votes', 'allowed-units': 'voting-app/0 voting-app/1', port: '5432' });
    expect(() =>
      r.endpoint.provideDatabase('db:99', {
        host: 'h',
        port: 1,
        database: 'd',
        user: 'u',
        password: 'p',
        allowedUnits: [],
        allowedSubnets: [],
      }),
    ).toThrow(/db:99/);

    r = await runHook(
      'db',
      PgsqlProvides,
      [relation('db:4', { 'voting-app/0': { database: 'votes' }, 'voting-app/1': {} }, published)],
      state,
      { role: 'provides' },
    );
    expect(r.flags).not.toContain('db.database.requested');
    const client = await runHook('postgres', Client, [relation('postgres:1', { 'postgresql/0': published })], {
      flags: [],
      hashes: {},
    });
    expect(client.flags).toContain('postgres.database.available');
  });
});
