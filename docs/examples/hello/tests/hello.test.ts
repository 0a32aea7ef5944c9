import { join } from 'node:path';
import { Context } from 'rxcharm/testing';

const ctx = new Context(join(__dirname, '..'));
afterAll(() => ctx.dispose());

describe('hello', () => {
  it('installs once, then reports ready', async () => {
    const out = await ctx.run('install');
    // One status per hook: the last one the handlers chose.
    expect(out.statusHistory).toEqual([{ status: 'active', message: 'hello from hello' }]);
    expect(out.state.flags).toContain('hello.installed');
  });

  it('follows the greeting option', async () => {
    const [installed] = await ctx.runStory(['install']);
    const out = await ctx.run('config-changed', { ...installed!.state, config: { greeting: 'hi' } });
    expect(out.state.status).toEqual({ status: 'active', message: 'hi from hello' });
    // install ran once: on config-changed only `ready` runs.
    expect(out.invoked).toEqual(['hello:reactive/hello.ts:HelloCharm.ready']);
  });
});
