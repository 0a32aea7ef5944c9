import { join } from 'node:path';
import { Context, relationBroken, relationChanged, relationCreated, relationDeparted, relationJoined } from 'rxcharm/testing';

const ctx = new Context(join(__dirname, '../../../charms/voting-app'));
afterAll(() => ctx.dispose());

const redis = { endpoint: 'redis', id: 1, remoteApp: 'redis', remoteUnits: { 'redis/0': { host: '10.0.0.7', port: '6379' } } };

it('swaps the bundled redis for a related one, and back', async () => {
  const [installed] = await ctx.runStory(['install'], { leader: true, kv: { 'voting-app.db-password': 'secret' } });

  // Juju's order: created (no unit yet), then joined and changed for each remote unit.
  const [created] = await ctx.runStory([relationCreated('redis')], { ...installed!.state, relations: [{ ...redis, remoteUnits: {} }] });
  const joinedState = { ...created!.state, relations: [redis] };
  const related = await ctx.runStory([relationJoined('redis', 'redis/0'), relationChanged('redis', 'redis/0')], joinedState);
  const afterJoin = related[related.length - 1]!.state;
  expect(afterJoin.files['files/voting-app/docker-compose.yml']).not.toContain('redis:alpine');
  expect(afterJoin.flags).toContain('redis.available');

  // The unit leaves: the bundled redis container comes back, then the relation goes.
  const departed = await ctx.run(relationDeparted('redis', 'redis/0'), afterJoin);
  expect(departed.dockerActions).toContainEqual(expect.objectContaining({ method: 'createContainer', target: 'voting-app-0_redis_1' }));
  const broken = await ctx.run(relationBroken('redis'), departed.state);
  expect(broken.state.relations).toEqual([]);
});
