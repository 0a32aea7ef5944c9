/**
 * Docker faults with the REAL daemon (issue 9, item 2): dockerd is stopped (SIGTERM) in the middle
 * of a compose converge and started again with scripts/start-dockerd.sh. Expected: the hook does
 * not fail, `docker.available` is cleared and the status says the daemon is unreachable; after the
 * restart the next hook converges to one running container per service.
 *
 * Stopping dockerd stops every container on this machine, so this file runs only when
 * RXCHARM_TEST_RESTART_DOCKERD=1 (set it in CI, where `npm test` runs the suites in band and
 * nothing else needs Docker meanwhile). Its name sorts it after the other integration suites.
 * docker-faults.test.ts covers the same behaviour on every run through a socket proxy.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBusyboxImage, removeProject, uniqueName } from '../../support';
import { buildCrashy, CrashyUnit, ROOT } from './support/crashy-unit';
import { projectContainers } from './support/docker-view';

jest.setTimeout(600_000);

const enabled = process.env.RXCHARM_TEST_RESTART_DOCKERD === '1';
// Defaults: the machine's daemon. To try the test on a private second daemon instead, set
// DOCKER_HOST, RXCHARM_TEST_DOCKERD_PIDFILE and RXCHARM_TEST_DOCKERD_START (a bash command).
const DOCKER_HOST = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
const PID_FILE = process.env.RXCHARM_TEST_DOCKERD_PIDFILE ?? '/var/run/docker.pid';
const START = process.env.RXCHARM_TEST_DOCKERD_START ?? `bash ${join(ROOT, 'scripts', 'start-dockerd.sh')}`;

function dockerdPid(): number | undefined {
  if (!existsSync(PID_FILE)) return undefined;
  const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const flags = (u: CrashyUnit): string[] => (JSON.parse(u.stateBytes()) as { flags: string[] }).flags;

function startDockerd(): void {
  execFileSync('bash', ['-c', START], { stdio: 'ignore', timeout: 120_000 });
  for (let i = 0; i < 600; i++) {
    if (spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0) return;
    spawnSync('sleep', ['0.1']);
  }
}

(enabled ? describe : describe.skip)('real dockerd stopped mid-converge and started again', () => {
  let buildDir: string;
  let built: string;
  const project = uniqueName('rxrel');
  let unit: CrashyUnit | undefined;
  let stoppedPid: number | undefined;

  beforeAll(async () => {
    buildDir = mkdtempSync(join(tmpdir(), 'rxcharm-reliability-build-'));
    built = await buildCrashy(buildDir);
    ensureBusyboxImage();
  });
  afterAll(() => {
    // Whatever happened, leave a running daemon and no containers of ours behind (a daemon we
    // stopped may still be shutting down: wait for it to go first).
    const pid = dockerdPid();
    for (let i = 0; i < 300 && stoppedPid !== undefined && alive(stoppedPid); i++) spawnSync('sleep', ['0.1']);
    if (pid === undefined || !alive(pid) || spawnSync('docker', ['info'], { stdio: 'ignore' }).status !== 0)
      startDockerd();
    unit?.dispose();
    removeProject(project);
    rmSync(buildDir, { recursive: true, force: true });
  });

  test('docker.available cleared, status says so, the next hook converges', async () => {
    unit = CrashyUnit.create(built, { compose: true, project, kv_keys: 5, docker_host: DOCKER_HOST });
    expect((await unit.run('install')).exitCode).toBe(0);
    expect((await unit.run('config-changed')).exitCode).toBe(0);
    expect(await projectContainers(project)).toHaveLength(2);

    const pid = dockerdPid();
    expect(pid).toBeDefined();
    // Stop the daemon as soon as the converge sends its first write request.
    let stopped = false;
    const broken = await unit.run('config-changed', {
      onMarker: (marker) => {
        if (!stopped && pid !== undefined && /^docker (POST|DELETE) /.test(marker)) {
          stopped = true;
          stoppedPid = pid;
          process.kill(pid, 'SIGTERM');
        }
      },
    });
    expect(stopped).toBe(true);
    expect({ exitCode: broken.exitCode, stderr: broken.exitCode === 0 ? '' : broken.stderr }).toEqual({
      exitCode: 0,
      stderr: '',
    });
    expect(unit.juju.status()).toEqual({
      status: 'waiting',
      message: `Docker daemon unreachable (${DOCKER_HOST}); will retry`,
    });
    expect(flags(unit)).not.toContain('docker.available');
    for (let i = 0; i < 600 && pid !== undefined && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(pid !== undefined && alive(pid)).toBe(false);

    // Still down: update-status keeps the flag cleared and waits.
    expect((await unit.run('update-status')).exitCode).toBe(0);
    expect(flags(unit)).not.toContain('docker.available');
    expect(unit.juju.status().status).toBe('waiting');

    startDockerd();
    expect((await unit.run('update-status')).exitCode).toBe(0);
    expect(flags(unit)).toContain('docker.available');
    const seq = (JSON.parse(unit.stateBytes()) as { kv: Record<string, number> }).kv['crashy.seq'];
    const containers = await projectContainers(project);
    expect(containers.map((c) => ({ service: c.service, state: c.state, generation: c.env.GENERATION }))).toEqual([
      { service: 'web', state: 'running', generation: String(seq) },
      { service: 'worker', state: 'running', generation: String(seq) },
    ]);
  });
});
