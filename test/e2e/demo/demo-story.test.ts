/**
 * The demo story, end to end through the CLI with the real charms and real containers:
 * voting-app standalone → votes flow → redis and postgresql deployed and related → the compose
 * file swapped → votes flow through the related services → bad config refused with nothing
 * changed → a bad value blocks → unrelate brings the bundled redis back → removed units leave no
 * containers or volumes → removing voting-app's units and the application leaves no containers or
 * networks. Steps run in order and share one model.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ensureProjectImage } from '../../support';
import { probeRedis } from '../../../charms/redis/src/redis-probe';
import { DemoWorld, freePort, VOTING_APP_LOCAL_IMAGES } from './demo-world';
import { castVotes, resultsReach } from './voting-client';

jest.setTimeout(600_000);

interface ComposeDoc {
  services: Record<string, { image: string; environment?: Record<string, string>; ports?: string[] }>;
}

describe('e2e: the demo story on the real charms', () => {
  let world: DemoWorld;
  const ports = { vote: 0, result: 0, redis: 0, postgres: 0 };
  const units = { voting: '', redis: '', postgres: '' };
  const projects = { voting: '', redis: '', postgres: '' };
  const composeFile = () =>
    parse(readFileSync(`${world.charmDir(units.voting)}/files/voting-app/docker-compose.yml`, 'utf8')) as ComposeDoc;

  beforeAll(async () => {
    world = new DemoWorld();
    for (const image of ['redis', 'postgres', 'vote', 'worker', 'result'] as const) ensureProjectImage(image);
    for (const name of ['voting-app', 'redis', 'postgresql']) await world.build(name);
    for (const key of Object.keys(ports) as Array<keyof typeof ports>) {
      let port = await freePort();
      while (Object.values(ports).includes(port)) port = await freePort();
      ports[key] = port;
    }
    units.voting = `${world.apps.voting}/0`;
    units.redis = `${world.apps.redis}/0`;
    units.postgres = `${world.apps.postgres}/0`;
    projects.voting = `${world.apps.voting}-0`;
    projects.redis = `${world.apps.redis}-0`;
    projects.postgres = `${world.apps.postgres}-0`;
  });

  afterAll(() => world?.dispose());

  it('deploys voting-app standalone: five labelled containers, active status, ports opened', async () => {
    await world.deploy('voting-app', world.apps.voting, {
      ...VOTING_APP_LOCAL_IMAGES,
      vote_port: ports.vote,
      result_port: ports.result,
    });
    const unit = await world.unit(units.voting);
    expect(unit).toMatchObject({ workload: 'active', agent: 'idle' });
    expect(unit.message).toContain('bundled redis, bundled postgres');
    expect([...unit.ports].sort()).toEqual([`${ports.vote}/tcp`, `${ports.result}/tcp`].sort());
    const containers = world.containers(projects.voting);
    expect(Object.keys(containers).sort()).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
    for (const [service, c] of Object.entries(containers)) {
      expect(c.state).toBe('running');
      expect(c.labels).toMatchObject({
        'com.docker.compose.project': projects.voting,
        'com.docker.compose.service': service,
      });
    }
    expect(Object.keys(composeFile().services).sort()).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
    expect(composeFile().services.vote?.environment?.REDIS_HOST).toBe('redis');
    // The charm's pino lines on stderr keep their level in debug-log (info → INFO, not WARNING).
    const log = await world.ok('debug-log', '--unit', units.voting, '--lines', '400');
    expect(log).toMatch(new RegExp(`${units.voting} INFO unit\\.${units.voting}\\.install: \\{"level":30,`));
    expect(log).not.toMatch(new RegExp(`${units.voting} WARNING unit\\.${units.voting}\\.install: \\{"level":30,`));
  });

  it('carries votes from the vote page to the result page (standalone)', async () => {
    await castVotes(ports.vote, ['a', 'a', 'b']);
    expect(await resultsReach(ports.result, { a: 2, b: 1 })).toEqual({ a: 2, b: 1, total: 3 });
  });

  it('deploys redis and postgresql: each runs one container, answers on the published address and says so', async () => {
    await world.deploy('redis', world.apps.redis, { image: 'rxcharm/redis', port: ports.redis });
    await world.deploy('postgresql', world.apps.postgres, { image: 'rxcharm/postgres', port: ports.postgres });
    expect(await world.unit(units.redis)).toMatchObject({
      workload: 'active',
      message: `Ready on ${world.address}:${ports.redis}`,
      ports: [`${ports.redis}/tcp`],
    });
    expect(await world.unit(units.postgres)).toMatchObject({
      workload: 'active',
      message: `Ready on ${world.address}:${ports.postgres}`,
      ports: [`${ports.postgres}/tcp`],
    });
    expect(Object.keys(world.containers(projects.redis))).toEqual(['redis']);
    expect(Object.keys(world.containers(projects.postgres))).toEqual(['postgresql']);
    const password = world.kv(units.redis)['redis.password'];
    expect(password).toMatch(/^[0-9a-f]{48}$/);
    await expect(probeRedis(world.address, ports.redis, password as string)).resolves.toBe(true);
    await expect(probeRedis(world.address, ports.redis, 'wrong-password')).resolves.toBe(false);
    // The password is a secret: never in the hook logs.
    expect(await world.ok('debug-log')).not.toContain(password as string);
  });

  it('relating both swaps the bundled redis and db for the related units', async () => {
    await world.ok('relate', world.apps.voting, world.apps.redis);
    await world.ok('relate', world.apps.voting, world.apps.postgres);
    await world.ok('wait', '--timeout', '120s');
    const unit = await world.unit(units.voting);
    expect(unit.workload).toBe('active');
    expect(unit.message).toContain(`external redis ${world.address}:${ports.redis}`);
    expect(unit.message).toContain(`external postgres ${world.address}:${ports.postgres}`);

    const doc = composeFile();
    expect(Object.keys(doc.services).sort()).toEqual(['result', 'vote', 'worker']);
    expect(doc.services.worker?.environment).toMatchObject({
      REDIS_HOST: world.address,
      REDIS_PORT: String(ports.redis),
      REDIS_PASSWORD: world.kv(units.redis)['redis.password'],
      PG_HOST: world.address,
      PG_PORT: String(ports.postgres),
      PG_USER: world.apps.voting,
      PG_DB: world.apps.voting,
    });
    const pgPasswords = world.kv(units.postgres)['postgresql.passwords'] as Record<string, string>;
    expect(doc.services.worker?.environment?.PG_PASS).toBe(pgPasswords[world.apps.voting]);
    expect(Object.keys(world.containers(projects.voting)).sort()).toEqual(['result', 'vote', 'worker']);
    const relations = (await world.status()).relations.map((r) => JSON.stringify(r));
    expect(relations.join('\n')).toContain(`${world.apps.redis}:db`);
    expect(relations.join('\n')).toContain(`${world.apps.postgres}:db`);
  });

  it('carries votes through the related redis into the related postgresql', async () => {
    await castVotes(ports.vote, ['b', 'b', 'a', 'b']);
    expect(await resultsReach(ports.result, { a: 1, b: 3 })).toEqual({ a: 1, b: 3, total: 4 });
    const pg = world.containers(projects.postgres).postgresql!;
    const count = spawnSync(
      'docker',
      [
        'exec',
        pg.id,
        'psql',
        '-X',
        '-tA',
        '-U',
        'postgres',
        '-d',
        world.apps.voting,
        '-c',
        'SELECT count(*) FROM votes',
      ],
      { encoding: 'utf8' },
    );
    expect(count.stdout.trim()).toBe('4');
  });

  it('refuses config with an unknown key or a wrong type, changing nothing', async () => {
    const before = await world.ok('config', world.apps.redis);
    const container = world.containers(projects.redis).redis!.id;
    const unknown = await world.cli('config', world.apps.redis, 'no_such_option=1');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr + unknown.stdout).toContain('no_such_option');
    const wrongType = await world.cli('config', world.apps.redis, 'port=not-a-number');
    expect(wrongType.code).not.toBe(0);
    expect(wrongType.stderr + wrongType.stdout).toContain('port');
    expect(await world.ok('config', world.apps.redis)).toBe(before);
    expect(world.containers(projects.redis).redis!.id).toBe(container);
    expect((await world.unit(units.redis)).workload).toBe('active');
  });

  it('blocks on a port out of range, leaving the running container alone; a good value recovers', async () => {
    const container = world.containers(projects.redis).redis!.id;
    await world.ok('config', world.apps.redis, 'port=70000');
    const blocked = await world.unit(units.redis);
    expect(blocked.workload).toBe('blocked');
    expect(blocked.message).toContain('port must be a TCP port');
    expect(world.containers(projects.redis).redis).toMatchObject({ id: container, state: 'running' });
    await world.ok('config', world.apps.redis, `port=${ports.redis}`);
    expect(await world.unit(units.redis)).toMatchObject({
      workload: 'active',
      message: `Ready on ${world.address}:${ports.redis}`,
    });
  });

  it('blocks on an image that cannot be pulled, naming it; the old container keeps serving', async () => {
    const container = world.containers(projects.redis).redis!.id;
    await world.ok('config', world.apps.redis, 'image=rxcharm/no-such-image');
    const blocked = await world.unit(units.redis);
    expect(blocked.workload).toBe('blocked');
    expect(blocked.message).toContain('Cannot pull image rxcharm/no-such-image');
    expect(world.containers(projects.redis).redis).toMatchObject({ id: container, state: 'running' });
    await castVotes(ports.vote, ['b']);
    expect(await resultsReach(ports.result, { a: 1, b: 4 })).toEqual({ a: 1, b: 4, total: 5 });
    await world.ok('config', world.apps.redis, 'image=rxcharm/redis');
    expect(await world.unit(units.redis)).toMatchObject({
      workload: 'active',
      message: `Ready on ${world.address}:${ports.redis}`,
    });
  });

  it('unrelating redis brings the bundled redis back and votes still arrive', async () => {
    await world.ok('unrelate', world.apps.voting, world.apps.redis);
    await world.ok('wait', '--timeout', '120s');
    expect(Object.keys(composeFile().services).sort()).toEqual(['redis', 'result', 'vote', 'worker']);
    expect(Object.keys(world.containers(projects.voting)).sort()).toEqual(['redis', 'result', 'vote', 'worker']);
    await castVotes(ports.vote, ['a']);
    expect(await resultsReach(ports.result, { a: 2, b: 4 })).toEqual({ a: 2, b: 4, total: 6 });
  });

  it('a removed unit leaves no containers or volumes behind', async () => {
    expect(world.volumes(projects.redis).length).toBe(1);
    await world.ok('remove-unit', units.redis);
    await world.ok('wait', '--timeout', '120s');
    expect(world.containers(projects.redis)).toEqual({});
    expect(world.volumes(projects.redis)).toEqual([]);
    await world.ok('remove-application', world.apps.postgres);
    await world.ok('wait', '--timeout', '120s');
    expect(world.containers(projects.postgres)).toEqual({});
    expect(world.volumes(projects.postgres)).toEqual([]);
    // voting-app now falls back to its bundled db
    expect(Object.keys(composeFile().services).sort()).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
  });

  it("remove-unit and remove-application take voting-app's containers and network with them", async () => {
    expect(world.networks(projects.voting)).toHaveLength(1);
    await world.ok('remove-unit', units.voting);
    await world.ok('wait', '--timeout', '120s');
    expect(world.containers(projects.voting)).toEqual({});
    expect(world.networks(projects.voting)).toEqual([]);
    // A new unit brings the project up again under its own name; removing the application takes it down.
    const second = `${world.apps.voting}-1`;
    world.track(second);
    await world.ok('add-unit', world.apps.voting);
    await world.ok('wait', '--timeout', '180s');
    expect(Object.keys(world.containers(second)).sort()).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
    await world.ok('remove-application', world.apps.voting);
    await world.ok('wait', '--timeout', '120s');
    expect(world.containers(second)).toEqual({});
    expect(world.networks(second)).toEqual([]);
    expect(world.volumes(second)).toEqual([]);
    expect((await world.status()).applications[world.apps.voting]).toBeUndefined();
  });
});
