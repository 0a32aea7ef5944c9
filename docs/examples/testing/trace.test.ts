import { join } from 'node:path';
import { Context } from 'rxcharm/testing';

const ctx = new Context(join(__dirname, '../../../charms/voting-app'));
afterAll(() => ctx.dispose());

it('explains why converge did not run on update-status', async () => {
  const [installed] = await ctx.runStory(['install'], { leader: true, kv: { 'voting-app.db-password': 'secret' } });
  const out = await ctx.run('update-status', installed!.state);

  const converge = 'voting-app:reactive/voting-app.ts:VotingApp.converge';
  expect(out.invoked).not.toContain(converge);
  // The trace says which condition failed: the formation is already configured.
  expect(out.trace).toContainEqual({ type: 'handler.tested', iteration: 0, handler: converge, passed: false, unmet: ['whenNot(voting-app.configured)'] });
  expect(out.dockerActions).toEqual([]);
});
