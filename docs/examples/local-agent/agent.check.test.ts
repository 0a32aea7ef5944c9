/** Runs the local agent sample of docs/local-agent.md: two layers built, deployed and related (hook processes, no Docker). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './agent';

// Builds two charms (esbuild) and runs their hooks as processes: allow for a loaded machine.
jest.setTimeout(120_000);

it('deploys, relates and reports the status of the client', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-docs-agent-'));
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    const env = { PATH: process.env.PATH, RXCHARM_MODEL: join(dir, 'model'), RXCHARM_UNIT_ADDRESS: '10.1.2.3' };
    const client = await main(env, { web: join(__dirname, '..', 'hook-runtime', 'fixtures', 'web'), client: join(__dirname, 'fixtures', 'client') });
    expect(client?.units['client/0']).toMatchObject({ workload: 'active', message: 'using web.example:8080' });
    const hooks = log.mock.calls.map((c) => String(c[0]));
    expect(hooks.some((line) => line.includes('client/0') && line.includes('web-relation-changed'))).toBe(true);
  } finally {
    log.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  }
});
