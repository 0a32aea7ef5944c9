/**
 * The built voting-app's hooks on Debian bookworm's own Node.js 18, the oldest the bundle
 * targets (`scripts/debian-node18.sh` unpacks it; CI sets RXCHARM_TEST_NODE18 to its wrapper).
 * `dispatch` checks the version and runs the charm on it; the Docker daemon is unreachable, so
 * the hooks exercise config, endpoints, status and layer:docker's fault path, not containers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { VotingAppUnderTest } from './charm-harness';

jest.setTimeout(180_000);

const NODE18 = process.env.RXCHARM_TEST_NODE18 ?? '';
const describeNode18 = NODE18 !== '' ? describe : describe.skip;

describeNode18('voting-app hooks on Debian Node.js 18 (RXCHARM_TEST_NODE18)', () => {
  let charm: VotingAppUnderTest;
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(spawnSync(NODE18, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^v18\./);
    charm = await VotingAppUnderTest.create('voting-app-node-old', {
      docker_host: 'unix:///nonexistent/rxcharm-test/docker.sock',
    });
  });

  afterAll(() => {
    charm?.juju.dispose();
    rmSync(charm?.buildDir ?? '/nonexistent', { recursive: true, force: true });
    warn?.mockRestore();
  });

  it('runs install, config-changed, start and update-status, reporting the unreachable daemon', async () => {
    for (const hook of ['install', 'config-changed', 'start', 'update-status']) {
      const run = await charm.juju.runHook(hook, {
        command: [join(charm.charmDir, 'hooks', hook)],
        env: { RXCHARM_NODE: NODE18 },
      });
      expect({ hook, exitCode: run.exitCode, stderr: run.exitCode === 0 ? '' : run.stderr }).toEqual({
        hook,
        exitCode: 0,
        stderr: '',
      });
    }
    // dispatch chose (and remembered) the Node.js 18 it was given.
    expect(readFileSync(join(charm.charmDir, '.rxcharm', 'node'), 'utf8').trim()).toBe(NODE18);
    expect(charm.juju.status()).toMatchObject({ status: 'waiting' });
    expect(existsSync(join(charm.charmDir, 'manifest.yaml'))).toBe(true);
  });
});
