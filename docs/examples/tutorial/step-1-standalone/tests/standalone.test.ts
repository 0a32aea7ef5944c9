import { join } from 'node:path';
import { Context } from 'rxcharm/testing';

const ctx = new Context(join(__dirname, '..'));
afterAll(() => ctx.dispose());

it('runs the five services and opens the two ports', async () => {
  const out = await ctx.run('install');
  const created = out.dockerActions.filter((a) => a.method === 'createContainer').map((a) => a.target);
  expect(created.sort()).toEqual(['voting-app_db_1', 'voting-app_redis_1', 'voting-app_result_1', 'voting-app_vote_1', 'voting-app_worker_1']);
  expect(out.state.openedPorts).toEqual(['5000/tcp', '5001/tcp']);
  expect(out.state.status).toEqual({ status: 'active', message: 'Ready to vote!' });
});
