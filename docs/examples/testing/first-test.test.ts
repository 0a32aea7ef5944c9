import { join } from 'node:path';
import { parse } from 'yaml';
import { Context } from 'rxcharm/testing';

// One context per test file: it bundles the charm's layers once; every run gets fresh modules.
const ctx = new Context(join(__dirname, '../../../charms/voting-app'));
afterAll(() => ctx.dispose());

it('deploys the standalone formation on install', async () => {
  // The state in: a fresh unit whose bundled database password is known.
  const out = await ctx.run('install', { leader: true, kv: { 'voting-app.db-password': 'secret' } });

  // The state out: the rendered compose file, ports, status...
  const compose = parse(out.state.files['files/voting-app/docker-compose.yml'] ?? '') as { services: Record<string, unknown> };
  expect(Object.keys(compose.services).sort()).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
  expect(out.state.openedPorts).toEqual(['5000/tcp', '5001/tcp']);
  expect(out.state.status.status).toBe('active');

  // ...and the records of the hook: the status it set (once), and the Docker calls the charm made.
  expect(out.statusHistory.map((s) => s.status)).toEqual(['active']);
  expect(out.dockerActions.filter((a) => a.method === 'createContainer')).toHaveLength(5);
});
