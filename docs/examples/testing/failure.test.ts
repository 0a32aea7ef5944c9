import { join } from 'node:path';
import { Context, UncaughtHandlerError } from 'rxcharm/testing';

const ctx = new Context(join(__dirname, '../../../charms/voting-app'));
afterAll(() => ctx.dispose());

it('reports a failing handler and changes nothing', async () => {
  // The simulated Docker daemon cannot pull this image, so `compose up` fails in the handler.
  const before = { config: { vote_image: 'nowhere/vote:1' }, docker: { unpullable: ['nowhere/vote:1'] } };
  const error = await ctx.run('install', before).catch((e: unknown) => e);

  expect(error).toBeInstanceOf(UncaughtHandlerError);
  const failure = error as UncaughtHandlerError;
  expect(failure.handler).toBe('voting-app:reactive/voting-app.ts:VotingApp.converge');
  expect(failure.message).toContain('image pull failed: nowhere/vote:1');
  // What the hook did before it failed is still there to read:
  expect(failure.records.trace).toContainEqual(expect.objectContaining({ type: 'handler.failed', handler: failure.handler }));
});
