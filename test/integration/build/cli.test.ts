import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MERGE, REPO, suiteDir } from './helpers';

// Spawns node processes (bundles, hooks, the CLI): allow for a loaded machine.
jest.setTimeout(120_000);

const BIN = join(REPO, 'bin', 'rxcharm');

function rxcharm(args: string[], cwd: string, env: Record<string, string> = {}) {
  return spawnSync(BIN, args, { cwd, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env }, encoding: 'utf8' });
}

// Runs the bundled CLI (dist/rxcharm.js, rebuilt by `npm test` / `npm run build`).
describe('rxcharm build / proof / create / pack (CLI)', () => {
  const root = suiteDir('cli');
  const env = { CHARM_LAYERS_DIR: join(MERGE, 'layers'), CHARM_INTERFACES_DIR: join(MERGE, 'interfaces') };

  it('builds with layers found through CHARM_LAYERS_DIR, prints the report and proof warnings, exits 100', () => {
    const result = rxcharm(['build', join(MERGE, 'top'), '-o', join(root, 'merged-app'), '--report'], root, env);
    expect(result.stdout).toContain(
      `built merged-app in ${join(root, 'merged-app')} (layers: base-a, mid-b, mid-c, merged-app;`,
    );
    expect(result.stdout).toContain('New build; all files were written.');
    expect(result.stdout).toContain("W metadata.yaml: provides.website: no interface layer for interface 'http'");
    expect(result.status).toBe(100);
  }, 60_000);

  it('reports no changes on a rebuild', () => {
    const result = rxcharm(['build', join(MERGE, 'top'), '-o', join(root, 'merged-app'), '-r'], root, env);
    expect(result.stdout).toContain('No new changes; no files were modified.');
  }, 60_000);

  it('fails with exit 200 and one ERROR line for a missing layer, leaving no output', () => {
    const result = rxcharm(['build', join(MERGE, 'top'), '-o', join(root, 'nothing')], root);
    expect(result.stderr).toMatch(/^ERROR layer not found: layer:mid-b\n/);
    expect(result.status).toBe(200);
    expect(existsSync(join(root, 'nothing'))).toBe(false);
  });

  it('proofs a broken layer with exit 200, one finding per line', () => {
    const result = rxcharm(['proof', join(REPO, 'test', 'fixtures', 'layers', 'proof-broken')], root, {
      CHARM_INTERFACES_DIR: join(MERGE, 'interfaces'),
    });
    expect(result.status).toBe(200);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line).toMatch(/^[EWI] \S+: /);
  });

  it('creates a layer, builds it into ./build/<name> with no findings (exit 0), and packs it', () => {
    expect(rxcharm(['create', 'cli-app', '-o', root], root).status).toBe(0);
    expect(rxcharm(['create', 'cli-app', '-o', root], root).status).toBe(200); // exists
    const build = rxcharm(['build', join(root, 'cli-app')], root);
    expect(build.stdout.trim().split('\n')).toHaveLength(1);
    expect(build.status).toBe(0);
    expect(existsSync(join(root, 'build', 'cli-app', 'lib', 'charm.js'))).toBe(true);
    const pack = rxcharm(['pack', join(root, 'build', 'cli-app')], root);
    expect(pack.stdout).toBe(`packed ${join(root, 'cli-app.charm')}\n`);
    expect(pack.status).toBe(0);
  }, 60_000);
});
