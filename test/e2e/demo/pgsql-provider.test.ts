/**
 * The postgresql charm against a client that requests its own database, a role and an extension
 * (the pgsql protocol's requests), with two client units: what is published, what exists in the
 * server, that the credentials work over the published address, and that a departed client unit
 * leaves `allowed-units`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureProjectImage } from '../../support';
import { DemoWorld, freePort } from './demo-world';

jest.setTimeout(600_000);

const CLIENT = join(__dirname, 'fixtures', 'pg-client');

describe('e2e: postgresql provider with a requesting client', () => {
  let world: DemoWorld;
  let port = 0;
  let client = '';
  let pgContainer = '';

  const published = (unit: string): Record<string, string> => {
    const file = join(world.charmDir(unit), 'pgsql.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  };
  const psql = (sql: string, database = 'postgres') =>
    spawnSync('docker', ['exec', pgContainer, 'psql', '-X', '-tA', '-U', 'postgres', '-d', database, '-c', sql], {
      encoding: 'utf8',
    }).stdout.trim();

  beforeAll(async () => {
    world = new DemoWorld();
    ensureProjectImage('postgres');
    await world.build('postgresql');
    port = await freePort();
    client = `client${world.suffix}`;
    await world.deploy('postgresql', world.apps.postgres, { image: 'rxcharm/postgres', port });
    await world.ok('deploy', CLIENT, client, '-n', '2');
    pgContainer = world.containers(`${world.apps.postgres}-0`).postgresql!.id;
  });

  afterAll(() => world?.dispose());

  it('grants the requested database to both client units and mirrors the requests', async () => {
    await world.ok('relate', client, world.apps.postgres);
    await world.ok('wait', '--timeout', '120s');
    const data = published(`${client}/0`);
    const password = (world.kv(`${world.apps.postgres}/0`)['postgresql.passwords'] as Record<string, string>)[client];
    expect(data).toMatchObject({
      host: world.address,
      port: String(port),
      database: 'inventory',
      user: client,
      password,
      'allowed-units': `${client}/0 ${client}/1`,
      roles: 'reporting',
      extensions: 'hstore',
      state: 'standalone',
    });
    // libpq key=value pairs, in whatever order the interface writes them
    expect(data.master?.split(' ').sort()).toEqual([
      `dbname=inventory`,
      `host=${world.address}`,
      `password=${password}`,
      `port=${port}`,
      `user=${client}`,
    ]);
    expect(published(`${client}/1`)).toEqual(data);
  });

  it('created the role, the database (owned by it), the granted role and the extension', () => {
    expect(psql(`SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'inventory'`)).toBe(client);
    expect(psql(`SELECT pg_has_role('${client}', 'reporting', 'MEMBER')`)).toBe('t');
    expect(psql(`SELECT extname FROM pg_extension WHERE extname = 'hstore'`, 'inventory')).toBe('hstore');
  });

  it('the published credentials log in over the published address (SCRAM)', () => {
    const data = published(`${client}/0`);
    const uri = `postgresql://${data.user}:${data.password}@${data.host}:${data.port}/${data.database}`;
    const ok = spawnSync('docker', ['exec', pgContainer, 'psql', '-X', '-tA', uri, '-c', 'SELECT current_user'], {
      encoding: 'utf8',
    });
    expect(ok.stdout.trim()).toBe(client);
    const bad = spawnSync(
      'docker',
      ['exec', pgContainer, 'psql', '-X', '-tA', uri.replace(data.password!, 'wrong'), '-c', 'SELECT 1'],
      { encoding: 'utf8' },
    );
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('password authentication failed');
  });

  it('drops a departed client unit from allowed-units', async () => {
    await world.ok('remove-unit', `${client}/1`);
    await world.ok('wait', '--timeout', '120s');
    expect(published(`${client}/0`)['allowed-units']).toBe(`${client}/0`);
  });

  it('stops publishing when the relation is removed, and keeps serving', async () => {
    await world.ok('unrelate', client, world.apps.postgres);
    await world.ok('wait', '--timeout', '120s');
    expect(published(`${client}/0`)).toEqual({});
    expect((await world.status()).relations).toEqual([]);
    expect(await world.unit(`${world.apps.postgres}/0`)).toMatchObject({
      workload: 'active',
      message: `Ready on ${world.address}:${port}`,
    });
  });

  it('a hook that fails (server container gone) puts the unit in error until resolve re-runs it', async () => {
    const second = `other${world.suffix}`;
    await world.ok('deploy', CLIENT, second);
    expect(spawnSync('docker', ['stop', pgContainer]).status).toBe(0);
    const related = await world.cli('relate', second, world.apps.postgres);
    expect(related.code).toBe(0); // the relation exists; the provider's hook failed
    const failed = await world.unit(`${world.apps.postgres}/0`);
    expect(failed.workload).toBe('error');
    expect(failed.message).toMatch(/^hook failed: "db-relation-(joined|changed)"$/);
    // only the address keys the agent wrote on entering the relation: no grant yet
    expect(published(`${second}/0`)).toEqual({
      'private-address': world.address,
      'ingress-address': world.address,
      'egress-subnets': `${world.address}/32`,
    });

    expect(spawnSync('docker', ['start', pgContainer]).status).toBe(0);
    // psql answers only once the server is up again; resolve until the hook passes (bounded)
    let resolved = await world.cli('resolve', `${world.apps.postgres}/0`);
    for (let i = 0; i < 20 && (await world.unit(`${world.apps.postgres}/0`)).workload === 'error'; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      resolved = await world.cli('resolve', `${world.apps.postgres}/0`);
    }
    await world.ok('wait', '--timeout', '120s');
    expect(resolved.stderr).not.toContain('is not in error');
    expect(await world.unit(`${world.apps.postgres}/0`)).toMatchObject({ workload: 'active' });
    expect(published(`${second}/0`)).toMatchObject({
      database: 'inventory',
      user: second,
      'allowed-units': `${second}/0`,
    });
    // the database stays the first client's; the second shares it through membership
    expect(psql(`SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'inventory'`)).toBe(client);
    expect(psql(`SELECT pg_has_role('${second}', '${client}', 'MEMBER')`)).toBe('t');
  });
});
