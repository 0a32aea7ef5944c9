import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCharm, createLayer, formatFinding, proofCharm, type LayerSearchPath } from '../../../framework/build';
import { FakeJuju } from '../../fixtures/fake-juju';
import { REPO, suiteDir } from './helpers';

// Spawns node processes (bundles, hooks, the CLI): allow for a loaded machine.
jest.setTimeout(120_000);

const searchPath: LayerSearchPath = { layers: [join(REPO, 'layers')], interfaces: [join(REPO, 'interfaces')] };

describe('rxcharm create → build → proof → run, with the real runtime', () => {
  const root = suiteDir('create');
  let layerDir: string;
  let charmDir: string;

  beforeAll(async () => {
    layerDir = createLayer('hello-app', { dir: root });
    charmDir = (await buildCharm({ layerDir, outputDir: join(root, 'build', 'hello-app'), searchPath })).outputDir;
  }, 60_000);

  it('creates a layer that includes layer:basic', () => {
    expect(readFileSync(join(layerDir, 'layer.yaml'), 'utf8')).toContain('- layer:basic');
  });

  it('proofs the layer and the built charm with no findings', () => {
    expect(proofCharm(layerDir, searchPath).map(formatFinding)).toEqual([]);
    expect(proofCharm(charmDir, searchPath).map(formatFinding)).toEqual([]);
  });

  it("passes the created layer's own test", () => {
    const config = JSON.stringify({
      rootDir: layerDir,
      testMatch: ['<rootDir>/**/*.test.ts'],
      transform: { '^.+\\.ts$': join(__dirname, '..', '..', '..', 'scripts', 'jest-transform.cjs') },
    });
    const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--config', config, '--ci'], {
      cwd: layerDir,
      encoding: 'utf8',
    });
    expect(jest.stderr).toMatch(/Tests:\s+2 passed, 2 total/);
    expect(jest.status).toBe(0);
  }, 60_000);

  it('runs hook by hook under fake Juju hook tools, through dispatch', async () => {
    const juju = FakeJuju.create({ charmDir, config: { greeting: 'hello' } });
    try {
      const install = await juju.runHook('install', { command: [join(charmDir, 'hooks', 'install')] });
      expect(install.stderr).not.toMatch(/failed/);
      expect(install.exitCode).toBe(0);
      expect(juju.model().statusHistory.map((s) => `${s.status}: ${s.message}`)).toEqual([
        'active: hello from hello-app',
      ]);

      juju.setConfig({ greeting: 'hi' });
      const changed = await juju.runHook('config-changed', { command: [join(charmDir, 'hooks', 'config-changed')] });
      expect(changed.exitCode).toBe(0);
      expect(juju.model().status).toEqual({ status: 'active', message: 'hi from hello-app' });

      for (const hook of ['start', 'update-status', 'leader-elected']) {
        const run = await juju.runHook(hook, { command: [join(charmDir, 'dispatch')] });
        expect({ hook, exitCode: run.exitCode, stderr: run.stderr.includes('failed') ? run.stderr : '' }).toEqual({
          hook,
          exitCode: 0,
          stderr: '',
        });
      }
      // One status-set per change of status: the later hooks chose the status already shown.
      expect(juju.model().statusHistory.map((s) => `${s.status}: ${s.message}`)).toEqual([
        'active: hello from hello-app',
        'active: hi from hello-app',
      ]);
    } finally {
      juju.dispose();
    }
  }, 120_000);
});
