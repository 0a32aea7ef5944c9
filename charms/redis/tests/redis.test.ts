import { join } from 'node:path';
import { Context } from 'rxcharm/testing';

const ctx = new Context(join(__dirname, '..'));
afterAll(() => ctx.dispose());

describe('redis charm', () => {
  it('stop marks the unit stopped, no longer ready, and takes the project down; remove deletes it', async () => {
    const running = { flags: ['docker.available', 'docker.ready', 'redis.configured', 'redis.ready'] };
    const stopped = await ctx.run('stop', running);
    expect(stopped.invoked).toContain('redis:reactive/redis.ts:RedisCharm.stop');
    expect(stopped.state.flags).toEqual(expect.arrayContaining(['redis.stopped', 'redis.configured']));
    expect(stopped.state.flags).not.toContain('redis.ready');
    expect(stopped.state.status).toEqual({ status: 'maintenance', message: 'Stopping Redis' });

    const removed = await ctx.run('remove', stopped.state);
    expect(removed.invoked).toContain('redis:reactive/redis.ts:RedisCharm.remove');
    expect(removed.dockerActions.map((a) => a.method)).not.toContain('createContainer');
  });

  it('a config change clears redis.configured (the shared inputsChanged handler, under the charm id)', async () => {
    const out = await ctx.run('config-changed', { flags: ['redis.configured', 'redis.stopped'] });
    expect(out.invoked).toContain('redis:reactive/redis.ts:RedisCharm.inputsChanged');
    expect(out.state.flags).not.toContain('redis.configured');
  });
});
