import {
  relationBroken,
  relationChanged,
  relationCreated,
  relationDeparted,
  relationJoined,
  type State,
} from 'rxcharm/testing';
import {
  composeOf,
  createdServices,
  DB_PASSWORD,
  FRESH,
  PG_DATA,
  postgresRelation,
  REDIS_DATA,
  redisRelation,
  removedServices,
  runningServices,
  servicesOf,
  votingAppContext,
} from './harness';

const ctx = votingAppContext();
afterAll(() => ctx.dispose());

let installed: State;
beforeAll(async () => {
  installed = (await ctx.run('install', FRESH)).state;
});

/** Relates `relation` to an installed unit as Juju would: created, joined, changed. */
async function relate(from: State, relation: ReturnType<typeof redisRelation>): Promise<State> {
  const endpoint = relation.endpoint;
  const unit = Object.keys(relation.remoteUnits ?? {})[0] as string;
  const created = await ctx.run(relationCreated(endpoint), {
    ...from,
    relations: [...from.relations, { ...relation, remoteUnits: {} }],
  });
  const withUnit = {
    ...created.state,
    relations: created.state.relations.map((r) =>
      r.endpoint === endpoint ? { ...r, remoteUnits: relation.remoteUnits ?? {} } : r,
    ),
  };
  const [, changed] = await ctx.runStory([relationJoined(endpoint, unit), relationChanged(endpoint, unit)], withUnit);
  return changed!.state;
}

describe('voting-app formations', () => {
  it('standalone: five services, bundled redis and db, ports 5000/5001, active', async () => {
    const out = await ctx.run('install', FRESH);
    expect(servicesOf(out.state)).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
    const { services } = composeOf(out.state);
    expect(services.vote).toEqual(
      expect.objectContaining({
        image: 'dockersamples/examplevotingapp_vote',
        ports: ['5000:80'],
        environment: { REDIS_HOST: 'redis', REDIS_PORT: '6379' },
      }),
    );
    expect(services.result?.ports).toEqual(['5001:80']);
    expect(services.worker?.environment).toEqual(
      expect.objectContaining({ REDIS_HOST: 'redis', PG_HOST: 'db', PG_PASS: DB_PASSWORD }),
    );
    expect(services.db?.environment).toEqual(expect.objectContaining({ POSTGRES_PASSWORD: DB_PASSWORD }));
    expect(createdServices(out)).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
    expect(runningServices(out.state)).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
    expect(out.state.openedPorts).toEqual(['5000/tcp', '5001/tcp']);
    expect(out.state.status).toEqual({
      status: 'active',
      message: 'Ready to vote on port 5000, results on port 5001 (bundled redis, bundled postgres)',
    });
    // One status per hook: the runtime sets the last one the handlers chose.
    expect(out.statusHistory.map((s) => s.status)).toEqual(['active']);
    expect(out.state.flags).toEqual(expect.arrayContaining(['docker.available', 'voting-app.configured']));
  });

  it('a unit beyond the leader runs vote, worker and result once redis and postgresql are both related', async () => {
    const follower = (await ctx.run('install', { ...FRESH, leader: false })).state;
    expect(runningServices(follower)).toEqual([]);
    const withRedis = await relate(follower, redisRelation());
    expect(runningServices(withRedis)).toEqual([]);
    expect(withRedis.status.status).toBe('blocked');
    const withBoth = await relate(withRedis, postgresRelation());
    expect(runningServices(withBoth)).toEqual(['result', 'vote', 'worker']);
    expect(withBoth.status.status).toBe('active');
  });

  it('a unit beyond the leader stands by again when the shared data tier goes: nothing of it runs, no port open', async () => {
    const follower = (await ctx.run('install', { ...FRESH, leader: false })).state;
    expect(follower.status).toEqual({
      status: 'blocked',
      message: 'Relate redis and postgresql to scale out: only the leader runs a bundled data tier',
    });
    expect(follower.openedPorts).toEqual([]);
    const both = await relate(await relate(follower, redisRelation()), postgresRelation());
    expect(both.openedPorts).toEqual(['5000/tcp', '5001/tcp']);
    // A bundled db on this unit would split the votes: it goes down instead.
    const departed = await ctx.run(relationDeparted('postgres', 'postgresql/0'), both);
    expect(runningServices(departed.state)).toEqual([]);
    expect(createdServices(departed)).toEqual([]);
    expect(departed.state.openedPorts).toEqual([]);
    expect(departed.state.status.status).toBe('blocked');
    // Becoming the leader brings the bundled db up.
    const leader = await ctx.run('leader-elected', { ...departed.state, leader: true });
    expect(runningServices(leader.state)).toEqual(['db', 'result', 'vote', 'worker']);
  });

  it('a hook with no new input changes nothing: no Docker writes', async () => {
    const out = await ctx.run('update-status', installed);
    expect(out.dockerActions).toEqual([]);
    expect(out.state.docker.containers).toEqual(installed.docker.containers);
  });

  it('redis related: the redis container goes, vote and worker get REDIS_HOST', async () => {
    const related = await relate(installed, redisRelation());
    expect(servicesOf(related)).toEqual(['db', 'result', 'vote', 'worker']);
    expect(composeOf(related).services.vote?.environment).toEqual({
      REDIS_HOST: REDIS_DATA.host,
      REDIS_PORT: REDIS_DATA.port,
    });
    expect(runningServices(related)).toEqual(['db', 'result', 'vote', 'worker']);
    expect(related.status.message).toContain('external redis');
    expect(related.flags).toEqual(expect.arrayContaining(['redis.available']));
  });

  it('redis relation data change: only the Redis clients are recreated, the orphan is removed once', async () => {
    const created = await ctx.run(relationCreated('redis'), { ...installed, relations: [redisRelation({})] });
    const joinedState = { ...created.state, relations: [redisRelation()] };
    const joined = await ctx.run(relationJoined('redis', 'redis/0'), joinedState);
    expect(removedServices(joined)).toEqual(['redis', 'vote', 'worker']);
    expect(createdServices(joined)).toEqual(['vote', 'worker']);
  });

  it('postgres related: the db container goes, worker and result get PG_*', async () => {
    const related = await relate(installed, postgresRelation());
    expect(servicesOf(related)).toEqual(['redis', 'result', 'vote', 'worker']);
    expect(composeOf(related).services.result?.environment).toEqual({
      PG_HOST: PG_DATA.host,
      PG_PORT: PG_DATA.port,
      PG_USER: PG_DATA.user,
      PG_PASS: PG_DATA.password,
      PG_DB: PG_DATA.database,
    });
    expect(runningServices(related)).toEqual(['redis', 'result', 'vote', 'worker']);
  });

  it('both related: only vote, worker and result run', async () => {
    const both = await relate(await relate(installed, redisRelation()), postgresRelation());
    expect(servicesOf(both)).toEqual(['result', 'vote', 'worker']);
    expect(composeOf(both).services.worker?.environment).toEqual(
      expect.objectContaining({ REDIS_HOST: REDIS_DATA.host, PG_HOST: PG_DATA.host }),
    );
    expect(runningServices(both)).toEqual(['result', 'vote', 'worker']);
    expect(both.status).toEqual({ status: 'active', message: expect.stringContaining('external redis') });
  });

  it('redis departed then broken: the bundled redis comes back', async () => {
    const related = await relate(installed, redisRelation());
    const departed = await ctx.run(relationDeparted('redis', 'redis/0'), related);
    expect(servicesOf(departed.state)).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
    expect(createdServices(departed)).toEqual(['redis', 'vote', 'worker']);
    expect(composeOf(departed.state).services.vote?.environment).toEqual({ REDIS_HOST: 'redis', REDIS_PORT: '6379' });
    expect(departed.state.flags).not.toContain('redis.available');
    const broken = await ctx.run(relationBroken('redis'), departed.state);
    expect(broken.state.relations).toEqual([]);
    expect(servicesOf(broken.state)).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
    expect(broken.dockerActions).toEqual([]);
    expect(runningServices(broken.state)).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
  });

  it('postgres departed: the bundled db comes back with the unit password', async () => {
    const related = await relate(installed, postgresRelation());
    const departed = await ctx.run(relationDeparted('postgres', 'postgresql/0'), related);
    expect(servicesOf(departed.state)).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
    expect(composeOf(departed.state).services.result?.environment).toEqual(
      expect.objectContaining({ PG_HOST: 'db', PG_PASS: DB_PASSWORD }),
    );
    expect(createdServices(departed)).toEqual(['db', 'result', 'worker']);
  });

  it('a joined relation without data yet keeps the bundled service and says what it waits for', async () => {
    const created = await ctx.run(relationCreated('redis'), { ...installed, relations: [redisRelation({})] });
    const out = await ctx.run(relationJoined('redis', 'redis/0'), {
      ...created.state,
      relations: [redisRelation({ 'redis/0': {} })],
    });
    expect(servicesOf(out.state)).toContain('redis');
    expect(out.state.status.status).toBe('waiting');
    expect(out.state.status.message).toContain('waiting for redis relation data');
  });
});
