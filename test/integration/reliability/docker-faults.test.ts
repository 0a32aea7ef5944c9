/**
 * Docker faults (issue 9, item 2), through the crashy charm on layer:docker:
 * - the daemon goes away in the middle of a converge and comes back: the hook does not fail,
 *   `docker.available` is cleared and the status says the daemon is unreachable; once the daemon
 *   answers again the next hook converges to one container per service;
 * - an image that cannot be pulled: `blocked`, naming the image; fixing the config recovers;
 * - a container that exits at once: reported in the status, and later hooks neither recreate it
 *   nor loop.
 * The daemon "dies" behind a socket proxy (support/docker-proxy.ts), so other tests using the real
 * daemon are not disturbed; zz-dockerd-restart.test.ts does the same with the real dockerd.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBusyboxImage, removeProject, uniqueName } from '../../support';
import { buildCrashy, CrashyUnit } from './support/crashy-unit';
import { DockerProxy } from './support/docker-proxy';
import { projectContainers } from './support/docker-view';

jest.setTimeout(300_000);

let buildDir: string;
let built: string;
let project: string;
let unit: CrashyUnit | undefined;

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'rxcharm-reliability-build-'));
  built = await buildCrashy(buildDir);
  ensureBusyboxImage();
});
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));
beforeEach(() => {
  project = uniqueName('rxrel');
});
afterEach(() => {
  unit?.dispose();
  unit = undefined;
  removeProject(project);
});

const flags = (u: CrashyUnit): string[] => (JSON.parse(u.stateBytes()) as { flags: string[] }).flags;

test('daemon lost mid-converge: docker.available cleared, status says so, the next hook converges', async () => {
  const proxy = new DockerProxy(join(tmpdir(), `${project}.sock`));
  await proxy.start();
  try {
    unit = CrashyUnit.create(built, { compose: true, project, docker_host: proxy.url, kv_keys: 5 });
    expect((await unit.run('install')).exitCode).toBe(0);
    expect(flags(unit)).toContain('docker.available');
    const first = await unit.run('config-changed');
    expect(first.exitCode).toBe(0);
    expect(await projectContainers(project)).toHaveLength(2);

    // Next converge recreates both containers (new generation); the daemon dies after a few requests.
    let cut = false;
    proxy.watch((n) => {
      if (n === 6 && !cut) {
        cut = true;
        void proxy.stop();
      }
    });
    proxy.requests = 0;
    const broken = await unit.run('config-changed');
    proxy.watch(undefined);
    expect(cut).toBe(true);
    expect(broken.exitCode).toBe(0);
    expect(unit.juju.status()).toEqual({
      status: 'waiting',
      message: `Docker daemon unreachable (${proxy.url}); will retry`,
    });
    expect(flags(unit)).not.toContain('docker.available');
    expect(flags(unit)).not.toContain('docker.ready');

    // While it is down, update-status keeps the flags cleared and says why.
    const down = await unit.run('update-status');
    expect(down.exitCode).toBe(0);
    expect(flags(unit)).not.toContain('docker.available');
    expect(unit.juju.status().status).toBe('waiting');

    // Back up: the layer's ping sets the flag again and the charm converges.
    await proxy.start();
    const back = await unit.run('update-status');
    expect(back.exitCode).toBe(0);
    expect(flags(unit)).toContain('docker.available');
    const seq = (JSON.parse(unit.stateBytes()) as { kv: Record<string, number> }).kv['crashy.seq'];
    const containers = await projectContainers(project);
    expect(containers.map((c) => ({ service: c.service, state: c.state, generation: c.env.GENERATION }))).toEqual([
      { service: 'web', state: 'running', generation: String(seq) },
      { service: 'worker', state: 'running', generation: String(seq) },
    ]);
    expect(unit.juju.status()).toEqual({ status: 'active', message: `Converged generation ${seq}` });
  } finally {
    await proxy.stop();
  }
});

test('an image that cannot be pulled: blocked naming the image; fixing the config recovers', async () => {
  const image = `rxcharm-test/${project}-missing:1.0`;
  unit = CrashyUnit.create(built, { compose: true, project, image, kv_keys: 5 });
  expect((await unit.run('install')).exitCode).toBe(0);
  const run = await unit.run('config-changed');
  expect(run.exitCode).toBe(0);
  // Names the image and the registry's reason (here: no registry is reachable, or no such image).
  const blocked = {
    status: 'blocked',
    message: expect.stringMatching(
      new RegExp(`^Cannot pull image ${image.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(.+\\)$`),
    ),
  };
  expect(unit.juju.status()).toEqual(blocked);
  expect(await projectContainers(project)).toEqual([]);
  // A later hook reports the same, still without failing.
  expect((await unit.run('update-status')).exitCode).toBe(0);
  expect(unit.juju.status()).toEqual(blocked);

  unit.juju.setConfig({ image: 'rxcharm-test/busybox:latest' });
  expect((await unit.run('config-changed')).exitCode).toBe(0);
  expect((await projectContainers(project)).map((c) => `${c.service}:${c.state}`)).toEqual([
    'web:running',
    'worker:running',
  ]);
  expect(unit.juju.status().status).toBe('active');
});

test('a container that exits at once is reported, and not recreated over and over', async () => {
  unit = CrashyUnit.create(built, {
    compose: true,
    project,
    web_exits: true,
    fixed_generation: 'g1',
    kv_keys: 5,
    settle_checks: 5,
  });
  expect((await unit.run('install')).exitCode).toBe(0);
  expect((await unit.run('config-changed')).exitCode).toBe(0);
  const first = await projectContainers(project);
  const web = first.find((c) => c.service === 'web');
  expect(web).toMatchObject({ state: 'exited', exitCode: 3 });
  expect(unit.juju.status()).toEqual({
    status: 'blocked',
    message: expect.stringMatching(/^Workload not running: web exited \(Exited \(3\)/),
  });

  for (let i = 0; i < 3; i++) {
    const run = await unit.run(i % 2 === 0 ? 'update-status' : 'config-changed');
    expect(run.exitCode).toBe(0);
    // Same container (started again at most, never recreated), still one per service.
    const now = await projectContainers(project);
    expect(now.map((c) => `${c.service}:${c.id}`)).toEqual(first.map((c) => `${c.service}:${c.id}`));
    expect(unit.juju.status()).toEqual({
      status: 'blocked',
      message: expect.stringMatching(/^Workload not running: web exited \(Exited \(3\)/),
    });
  }
});
