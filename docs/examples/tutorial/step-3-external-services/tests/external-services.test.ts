import { join } from 'node:path';
import { Context, relationChanged, relationDeparted, relationJoined, type RunOutput } from 'rxcharm/testing';

const ctx = new Context(join(__dirname, '..'));
afterAll(() => ctx.dispose());

const COMPOSE = 'files/voting-app/docker-compose.yml';
const running = (out: RunOutput): string[] =>
  out.state.docker.containers.filter((c) => c.state === 'running').map((c) => c.labels['com.docker.compose.service'] ?? '').sort();

it('uses a related redis, and brings the bundled one back when it departs', async () => {
  const [installed] = await ctx.runStory(['install']);
  const redis = { endpoint: 'redis', remoteApp: 'redis', remoteUnits: { 'redis/0': { host: '10.0.0.7', port: '6379' } } };

  const related = await ctx.runStory([relationJoined('redis', 'redis/0'), relationChanged('redis', 'redis/0')], { ...installed!.state, relations: [redis] });
  const afterJoin = related[related.length - 1]!;
  expect(afterJoin.state.files[COMPOSE]).toContain('REDIS_HOST: "10.0.0.7"');
  expect(running(afterJoin)).toEqual(['db', 'result', 'vote', 'worker']);

  const departed = await ctx.run(relationDeparted('redis', 'redis/0'), afterJoin.state);
  expect(departed.state.files[COMPOSE]).toContain('REDIS_HOST: "redis"');
  expect(running(departed)).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
});

it('uses a related postgresql for the worker and the result page', async () => {
  const [installed] = await ctx.runStory(['install']);
  const pg = { endpoint: 'postgres', remoteApp: 'postgresql', remoteUnits: { 'postgresql/0': { host: '10.0.0.9', port: '5432', database: 'votes', user: 'voter', password: 'pw' } } };
  const related = await ctx.runStory([relationJoined('postgres', 'postgresql/0'), relationChanged('postgres', 'postgresql/0')], { ...installed!.state, relations: [pg] });
  const out = related[related.length - 1]!;
  expect(out.state.files[COMPOSE]).toContain('PG_HOST: "10.0.0.9"');
  expect(running(out)).toEqual(['redis', 'result', 'vote', 'worker']);
});
