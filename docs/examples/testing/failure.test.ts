import { join } from 'node:path';
import { Context, UncaughtHandlerError } from 'rxcharm/testing';

const ctx = new Context(join(__dirname, '../../../charms/voting-app'));
afterAll(() => ctx.dispose());

it('reports a failing handler and changes nothing', async () => {
  // Another tool left a container under the name compose needs: the daemon refuses to create it
  // (409), a fault no status can explain, so the handler fails the hook.
  const spec = { name: 'voting-app-0_vote_1', image: 'busybox', env: [], labels: {}, exposedPorts: [], portBindings: {}, mounts: [], links: [] };
  const squatter = { id: 'c-other', name: spec.name, image: 'busybox', imageId: 'sha256:other', state: 'running' as const, labels: {}, networks: [], spec, created: 0 };
  const error = await ctx.run('install', { leader: true, docker: { containers: [squatter] } }).catch((e: unknown) => e);

  expect(error).toBeInstanceOf(UncaughtHandlerError);
  const failure = error as UncaughtHandlerError;
  expect(failure.handler).toBe('voting-app:reactive/voting-app.ts:VotingApp.converge');
  expect(failure.message).toContain('docker create container failed: voting-app-0_vote_1');
  // What the hook did before it failed is still there to read:
  expect(failure.records.trace).toContainEqual(expect.objectContaining({ type: 'handler.failed', handler: failure.handler }));
});
