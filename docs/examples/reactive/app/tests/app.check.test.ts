/** Runs the handler class of docs/reactive.md ("Declaring handlers") in the harness. */
import { join } from 'node:path';
import { Context, action, relationJoined } from 'rxcharm/testing';

const ctx = new Context(join(__dirname, '..'));
afterAll(() => ctx.dispose());

const id = (method: string): string => `app:reactive/app.ts:AppCharm.${method}`;
const redis = { endpoint: 'redis', remoteApp: 'redis', remoteUnits: { 'redis/0': { host: '10.0.0.7', port: '6379' } } };

it('start waits for docker.available and runs once', async () => {
  const waiting = await ctx.run('install');
  expect(waiting.invoked).not.toContain(id('start'));
  expect(waiting.trace).toContainEqual(expect.objectContaining({ type: 'handler.tested', handler: id('start'), passed: false, unmet: ['when(docker.available)'] }));

  const started = await ctx.run('update-status', { flags: ['docker.available'] });
  expect(started.invoked).toContain(id('start'));
  expect(started.state.flags).toContain('app.started');
  expect((await ctx.run('update-status', started.state)).invoked).not.toContain(id('start'));
});

it('onRedis runs in the hook phase of redis relation hooks only', async () => {
  const joined = await ctx.run(relationJoined('redis', 'redis/0'), { relations: [redis] });
  expect(joined.trace).toContainEqual({ type: 'handler.invoked', iteration: 'hook', handler: id('onRedis') });
  expect((await ctx.run('config-changed', { relations: [redis] })).invoked).not.toContain(id('onRedis'));
});

it('restart waits for its file: a file never seen does not count', async () => {
  const out = await ctx.run('update-status');
  expect(out.trace).toContainEqual(expect.objectContaining({ type: 'handler.tested', handler: id('restart'), passed: false, unmet: ['fileChanged'] }));
});

it('backup runs for the action backup once the app is started', async () => {
  const out = await ctx.run(action('backup'), { flags: ['app.started', 'docker.available'] });
  expect(out.invoked[0]).toBe(id('backup'));
  expect(out.actionResults).toEqual({ saved: 'yes' });
});
