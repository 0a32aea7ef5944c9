import { join } from 'node:path';
import { Context } from 'rxcharm/testing';

// One context per file: it bundles the layer stack once; every run gets fresh modules.
const ctx = new Context(join(__dirname, '..'));
afterAll(() => ctx.dispose());

describe('HelloCharm', () => {
  it('installs, then reports ready with the configured greeting', async () => {
    const out = await ctx.run('install', { config: { greeting: 'hi' } });
    expect(out.state.flags).toContain('hello.installed');
    expect(out.state.status).toEqual({ status: 'active', message: 'hi from hello' });
  });

  it('does not install twice', async () => {
    const out = await ctx.run('config-changed', { flags: ['hello.installed'] });
    expect(out.statusHistory.map((s) => s.status)).toEqual(['active']);
  });
});
