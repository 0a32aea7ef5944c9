/**
 * Our pgsql sides against what the ecosystem's real implementations publish and read, row by row
 * (docs/interfaces.md has the same table). Each real side is reproduced from its source file,
 * named in the row's comment: bags as it writes them, and its readiness rule as it applies it.
 */
import { KeyValueStore, type EndpointSnapshot, type RelationSnapshot } from 'rxcharm';
import { FlagSet, runInDispatchContext } from 'rxcharm/testing';
import { parseConnectionString } from './connection-string';
import { readPgsqlUnits } from './pgsql-data';
import { PgsqlProvides } from './provides';
import { PgsqlRequires } from './requires';

type Bag = Record<string, string>;

// ---- providers: what they publish (our requires side reads it) ----

/**
 * canonical/postgresql-operator `src/relations/db.py`, `DbProvides.update_endpoints`: the unit
 * bag of the leader for a legacy `db` relation (user `relation-<id>`, port 5432, `standbys` empty
 * with one unit so absent, `extensions` as requested and comma-joined, never `roles`: a roles
 * request blocks the charm instead).
 */
function postgresqlOperatorBag(relationId: number, egressSubnets: string[], units: string[]): Bag {
  const user = `relation-${relationId}`;
  return {
    'allowed-subnets': [...egressSubnets].sort().join(','),
    'allowed-units': [...units].sort().join(' '),
    host: '10.5.0.10',
    port: '5432',
    user,
    schema_user: user,
    version: '14.9',
    password: 'pw0',
    schema_password: 'pw0',
    database: 'inventory',
    master: `dbname=inventory host=10.5.0.10 password=pw0 port=5432 user=${user}`,
    state: 'standalone',
  };
}

// ---- consumers: what they publish (our provides side reads it) and how they judge readiness ----

/**
 * canonical/ops-lib-pgsql `pgsql/client.py`: the leader sets `database`, `roles`, `extensions` in
 * the application bag (roles and extensions sorted and comma-joined), `_mirror_appdata` copies
 * them into every unit's bag, Juju adds `egress-subnets` and the addresses to each unit bag.
 */
function opsLibPgsqlBags(request: { database: string; roles: string[]; extensions: string[] }): {
  app: Bag;
  units: Record<string, Bag>;
} {
  const app = {
    database: request.database,
    roles: [...request.roles].sort().join(','),
    extensions: [...request.extensions].sort().join(','),
  };
  const bag = (address: string): Bag => ({
    ...app,
    'private-address': address,
    'ingress-address': address,
    'egress-subnets': `${address}/32`,
  });
  const strip = (b: Bag): Bag => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== ''));
  return { app: strip(app), units: { 'shop/0': strip(bag('10.5.0.20')), 'shop/1': strip(bag('10.5.0.21')) } };
}

/**
 * canonical/ops-lib-pgsql `pgsql/client.py` `_master` + `_is_ready`: the first remote bag with a
 * `master` whose `database` (when requested), `roles` and `extensions` equal the request string
 * for string, and whose `allowed-subnets` cover every one of this unit's `egress-subnets`.
 */
function opsLibMaster(remote: Record<string, Bag>, local: Bag, requested: Bag): string | undefined {
  const split = (s: string | undefined) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
  for (const name of Object.keys(remote).sort()) {
    const data = remote[name]!;
    if (!data.master) continue;
    const mirrored = ['database', 'roles', 'extensions'].every((k) => {
      const want = requested[k] ?? '';
      return (k === 'database' && want === '') || (data[k] ?? '') === want;
    });
    const allowed = new Set(split(data['allowed-subnets']));
    if (mirrored && split(local['egress-subnets']).every((s) => allowed.has(s))) return data.master;
  }
  return undefined;
}

/** jameinel/interface-pgsql `client.py`: takes `master` from the changed unit's bag as it is. */
function jameinelMaster(unitBag: Bag): string | undefined {
  return unitBag.master;
}

// ---- harness around our endpoints ----

function snapshot(name: string, role: 'requires' | 'provides', relations: RelationSnapshot[]): EndpointSnapshot {
  return { name, role, interfaceName: 'pgsql', relations, departed: [] };
}

/** Our provider as the postgresql charm drives it: read the consumer, publish a grant. */
function ourProviderAnswer(units: Record<string, Bag>, app: Bag): Bag {
  const provides = new PgsqlProvides({
    snapshot: snapshot('db', 'provides', [
      { relationId: 'db:7', remoteApp: 'shop', units, appData: app, localUnit: {}, localApp: {} },
    ]),
    isLeader: true,
  });
  const [consumer] = provides.consumers();
  expect(consumer).toBeDefined();
  runInDispatchContext({ flags: new FlagSet([]), kv: new KeyValueStore() }, () =>
    provides.provideDatabase('db:7', {
      host: '10.5.0.10',
      port: 5432,
      database: consumer!.request.database ?? 'shop',
      user: 'shop',
      password: 'pw',
      allowedUnits: consumer!.units,
      allowedSubnets: consumer!.request.egressSubnets,
      mirror: consumer!.request.mirror,
      version: '15.5',
    }),
  );
  return provides.relations[0]!.toPublish.diff();
}

class Client extends PgsqlRequires {
  protected override localUnitName(): string {
    return 'shop/0';
  }
}

describe('pgsql: our requires side against the real providers', () => {
  it('canonical/postgresql-operator db.py: a master once allowed-units and allowed-subnets name this unit', () => {
    const bag = postgresqlOperatorBag(7, ['10.5.0.20/32', '10.5.0.21/32'], ['shop/0', 'shop/1']);
    const reading = readPgsqlUnits([{ unit: 'postgresql/0', data: bag }], 'shop/0', { database: 'inventory' }, [
      '10.5.0.20/32',
    ]);
    expect(reading.problems).toEqual([]);
    expect(reading.master).toMatchObject({ host: '10.5.0.10', port: 5432, dbname: 'inventory', user: 'relation-7' });
    const notYet = readPgsqlUnits([{ unit: 'postgresql/0', data: bag }], 'shop/0', {}, ['10.9.9.9/32']);
    expect(notYet.master).toBeUndefined();
    expect(notYet.problems[0]?.key).toBe('allowed-subnets');
  });

  it('canonical/postgresql-operator db.py never mirrors roles: the client says it waits for roles', () => {
    const bag = postgresqlOperatorBag(7, ['10.5.0.20/32'], ['shop/0']);
    const client = new Client({
      snapshot: snapshot('db', 'requires', [
        {
          relationId: 'db:7',
          remoteApp: 'postgresql',
          units: { 'postgresql/0': bag },
          appData: {},
          localUnit: { roles: 'reporting', 'egress-subnets': '10.5.0.20/32' },
          localApp: {},
        },
      ]),
      isLeader: true,
    });
    expect(client.master).toBeUndefined();
    expect(client.waitingFor()).toBe('roles: waiting for the requested roles');
  });
});

describe('pgsql: the real consumers against our provides side', () => {
  it('canonical/ops-lib-pgsql client.py (app bag request, extensions in name:schema form) gets a ready master', () => {
    const request = { database: 'inventory', roles: ['reporting'], extensions: ['hstore', 'citext:extras'] };
    const { app, units } = opsLibPgsqlBags(request);
    const published = ourProviderAnswer(units, app);
    expect(published).toMatchObject({
      database: 'inventory',
      roles: 'reporting',
      extensions: 'citext:extras,hstore',
      'allowed-units': 'shop/0 shop/1',
      'allowed-subnets': '10.5.0.20/32,10.5.0.21/32',
      state: 'standalone',
      version: '15.5',
      schema_user: 'shop',
      schema_password: 'pw',
    });
    expect(published).not.toHaveProperty('standbys');
    // every client unit finds the master ready, as the library decides it
    for (const unit of ['shop/0', 'shop/1']) {
      const master = opsLibMaster({ 'postgresql/0': published }, units[unit]!, app);
      expect(master).toBe(published.master);
      expect(parseConnectionString(master!)).toMatchObject({ host: '10.5.0.10', dbname: 'inventory', user: 'shop' });
    }
  });

  it('canonical/ops-lib-pgsql client.py with the default database (empty request) is ready too', () => {
    const { app, units } = opsLibPgsqlBags({ database: '', roles: [], extensions: [] });
    const published = ourProviderAnswer(units, app);
    expect(published.database).toBe('shop');
    expect(opsLibMaster({ 'postgresql/0': published }, units['shop/0']!, app)).toBe(published.master);
  });

  it('jameinel/interface-pgsql client.py reads the master we publish', () => {
    const published = ourProviderAnswer({ 'shop/0': { database: 'inventory', 'egress-subnets': '10.5.0.20/32' } }, {});
    expect(parseConnectionString(jameinelMaster(published)!)).toMatchObject({ dbname: 'inventory', port: '5432' });
  });
});
