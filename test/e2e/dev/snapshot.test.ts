import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { defaultBuildLayer, LocalAgent } from '../../../framework/agent';
import { readUnitSnapshot, snapshotTest } from '../../../framework/dev';
import { Context } from '../../../framework/testing';

const LAYER = resolve(__dirname, '../../fixtures/layers/status-app');

describe('rxcharm snapshot: a live unit into the harness', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-snapshot-'));
  const agent = new LocalAgent({
    modelDir: join(dir, 'model'),
    parallel: false,
    address: '10.1.2.3',
    basePath: process.env.PATH ?? '/usr/bin:/bin',
    buildLayer: defaultBuildLayer({}),
  });
  // The generated test runs as a unit test of this repository (rxcharm/testing resolves here).
  const generated = resolve(__dirname, `../../unit/snapshot-generated-${process.pid}`);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(generated, { recursive: true, force: true });
  });

  beforeAll(async () => {
    await agent.deploy(LAYER);
    await agent.config('status-app', ['port=8080']);
  });

  it('round-trips: the harness run from the snapshot ends where the live unit is', async () => {
    const snap = readUnitSnapshot(agent, 'status-app/0');
    expect(snap.lastHook?.hook).toBe('config-changed');
    expect(snap.state).toMatchObject({ unitName: 'status-app/0', leader: true, config: { port: 8080 } });
    expect(snap.state.flags).toContain('status-app.configured');
    const out = await new Context(LAYER).run(snap.lastHook!.hook, snap.state);
    expect(out.state.flags).toEqual(snap.state.flags);
    expect(out.state.config).toEqual(snap.state.config);
    expect(out.state.leader).toBe(true);
  });

  it('writes a jest test that passes as written', () => {
    const snap = readUnitSnapshot(agent, 'status-app/0');
    mkdirSync(generated, { recursive: true });
    const file = join(generated, 'status-app-0.test.ts');
    writeFileSync(
      file,
      snapshotTest({
        unit: 'status-app/0',
        hook: snap.lastHook!.hook,
        ok: snap.lastHook!.ok,
        charmExpression: `join(__dirname, ${JSON.stringify(relative(generated, LAYER))})`,
        state: snap.state,
        takenAt: new Date().toISOString(),
      }),
    );
    const root = resolve(__dirname, '../../..');
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules/jest/bin/jest.js'), '--selectProjects', 'unit', '--ci', relative(root, file)],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 },
    );
    expect(run.stderr).toMatch(/Tests: +1 passed, 1 total/);
    expect(run.status).toBe(0);
  });
});
