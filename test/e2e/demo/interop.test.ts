/**
 * Our postgresql and redis charms on the local agent, related to consumers that behave exactly as
 * the ecosystem's client libraries do (fixtures/pg-ops-client: canonical/ops-lib-pgsql's
 * protocol, two units so the non-leader reads the request through `leader-get --format=yaml`;
 * fixtures/redis-lib-client: canonical/redis-k8s-operator's RedisRequires). Both must become
 * ready: a master they can log in to, and a Redis answering PING without AUTH.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureProjectImage } from '../../support';
import { DemoWorld, freePort } from './demo-world';

jest.setTimeout(600_000);

const PG_CLIENT = join(__dirname, 'fixtures', 'pg-ops-client');
const REDIS_CLIENT = join(__dirname, 'fixtures', 'redis-lib-client');

describe('e2e: our providers with consumers written the way the ecosystem libraries work', () => {
  let world: DemoWorld;

  beforeAll(async () => {
    world = new DemoWorld();
    ensureProjectImage('postgres');
    ensureProjectImage('redis');
    await world.build('postgresql');
    await world.build('redis');
  });

  afterAll(() => world?.dispose());

  it('an ops-lib-pgsql client gets a master it can use, on every unit', async () => {
    const port = await freePort();
    const client = `shop${world.suffix}`;
    await world.deploy('postgresql', world.apps.postgres, { image: 'rxcharm/postgres', port });
    await world.ok('deploy', PG_CLIENT, client, '-n', '2');
    await world.ok('relate', `${client}:db`, `${world.apps.postgres}:db`);
    await world.ok('wait', '--timeout', '180s');
    for (const unit of [`${client}/0`, `${client}/1`]) {
      expect(await world.unit(unit)).toMatchObject({ workload: 'active', message: 'master ready' });
      const master = readFileSync(join(world.charmDir(unit), 'master.txt'), 'utf8');
      expect(master).toContain('dbname=interop');
      expect(master).toContain(`port=${port}`);
    }
    // the extension went into the requested schema, and pg_hba has the client's subnet first
    const pg = world.containers(`${world.apps.postgres}-0`).postgresql!.id;
    const sql = (text: string, db = 'postgres') =>
      spawnSync('docker', ['exec', pg, 'psql', '-X', '-tA', '-U', 'postgres', '-d', db, '-c', text], {
        encoding: 'utf8',
      }).stdout.trim();
    expect(
      sql(
        `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE extname = 'hstore'`,
        'interop',
      ),
    ).toBe('extras');
    expect(
      sql(
        `SELECT address || '/' || netmask FROM pg_hba_file_rules WHERE line_number = (SELECT min(line_number) FROM pg_hba_file_rules WHERE type = 'host')`,
      ),
    ).toContain(world.address);
  });

  it('a redis-k8s-lib client gets a Redis answering PING without AUTH when auth=false', async () => {
    const port = await freePort();
    const client = `cache${world.suffix}`;
    await world.deploy('redis', world.apps.redis, { image: 'rxcharm/redis', port, auth: 'false' });
    await world.ok('deploy', REDIS_CLIENT, client);
    await world.ok('relate', `${client}:redis`, `${world.apps.redis}:db`);
    await world.ok('wait', '--timeout', '180s');
    expect(await world.unit(`${world.apps.redis}/0`)).toMatchObject({
      workload: 'active',
      message: expect.stringContaining('auth is off'),
    });
    expect(await world.unit(`${client}/0`)).toMatchObject({
      workload: 'active',
      message: `redis ready at ${world.address}:${port}`,
    });
    expect(JSON.parse(readFileSync(join(world.charmDir(`${client}/0`), 'redis.json'), 'utf8'))).toEqual({
      hostname: world.address,
      port: String(port),
    });

    // auth back on: the library cannot authenticate, and its client says so instead of working
    await world.ok('config', world.apps.redis, 'auth=true');
    await world.ok('wait', '--timeout', '180s');
    const after = await world.unit(`${client}/0`);
    expect(after.workload).toBe('waiting');
    expect(after.message).toContain('NOAUTH');
    expect(existsSync(join(world.charmDir(`${client}/0`), 'redis.json'))).toBe(true);
  });
});
