/** Runs the rendering sample of docs/templating.md in the harness. */
import { join } from 'node:path';
import { Context } from 'rxcharm/testing';

const ctx = new Context(join(__dirname, '..'));
afterAll(() => ctx.dispose());

const COMPOSE = 'files/app/docker-compose.yml';

it('renders YAML-safe values and runs compose only when the file changed', async () => {
  const first = await ctx.run('install', { flags: ['docker.available'] });
  expect(first.state.files[COMPOSE]).toBe('services:\n  app:\n    image: "busybox:1.36"\n    init: true\n    ports:\n      - "8080:80"\n');
  expect(first.dockerActions.map((a) => a.method)).toContain('createContainer');

  // Same config: the file is not rewritten, so compose is not even asked.
  const again = await ctx.run('update-status', first.state);
  expect(again.dockerActions).toEqual([]);

  // A new image: a new file, and compose recreates the container.
  const changed = await ctx.run('config-changed', { ...again.state, config: { image: 'busybox:1.37' } });
  expect(changed.state.files[COMPOSE]).toContain('image: "busybox:1.37"');
  expect(changed.dockerActions.map((a) => a.method)).toEqual(expect.arrayContaining(['removeContainer', 'createContainer']));
});
