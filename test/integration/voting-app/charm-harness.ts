/**
 * Test harness for the voting-app charm: builds it with the real `rxcharm build` code, runs its
 * hooks as real processes under the fake hook tools, and reads what compose created.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Docker from 'dockerode';
import { buildCharm, findPackageRoot, type LayerSearchPath } from '../../../framework/build';
import { FakeJuju, type FakeHookRelation, type FakeHookRun } from '../../fixtures/fake-juju';

export const ROOT = findPackageRoot(__dirname);

/** The repo's own layers and interfaces only (no CHARM_LAYERS_DIR from the environment). */
function searchPath(): LayerSearchPath {
  return { layers: [join(ROOT, 'layers')], interfaces: [join(ROOT, 'interfaces')] };
}

export { freePort } from '../../support/free-port';

/** What a test needs to know about one container of the project. */
export interface ContainerView {
  readonly id: string;
  readonly service: string;
  readonly image: string;
  readonly running: boolean;
  readonly env: Record<string, string>;
  /** Host ports bound to container port 80/tcp. */
  readonly published80: string[];
  readonly init: boolean;
}

export class VotingAppUnderTest {
  readonly docker = new Docker();
  private constructor(
    readonly juju: FakeJuju,
    readonly buildDir: string,
    readonly project: string,
  ) {}

  /** Builds the charm into a temp dir and sets up a unit named `<app>/0`. */
  static async create(app: string, config: Record<string, string | number>): Promise<VotingAppUnderTest> {
    const buildDir = mkdtempSync(join(tmpdir(), 'rxcharm-voting-app-'));
    const outputDir = join(buildDir, 'voting-app');
    await buildCharm({
      layerDir: join(ROOT, 'charms', 'voting-app'),
      searchPath: searchPath(),
      outputDir,
      packageRoot: ROOT,
    });
    const juju = FakeJuju.create({ charmDir: outputDir, unit: `${app}/0`, leader: true, config });
    return new VotingAppUnderTest(juju, buildDir, app); // the charm's project is the unit name with `/` → `-`
  }

  get charmDir(): string {
    return this.juju.charmDir;
  }

  /** Runs a hook through the built charm's `hooks/<name>` → `dispatch` and fails loudly on a non-zero exit. */
  async hook(name: string, relation?: FakeHookRelation): Promise<FakeHookRun> {
    const run = await this.juju.runHook(name, {
      command: [resolve(this.charmDir, 'hooks', name)],
      relation,
      env: { RXCHARM_LOG_LEVEL: 'info' },
    });
    if (run.exitCode !== 0) throw new Error(`hook ${name} failed (${run.exitCode}):\n${run.stderr}\n${run.stdout}`);
    return run;
  }

  /** The project's containers by service. */
  async containers(): Promise<Record<string, ContainerView>> {
    const list = await this.docker.listContainers({
      all: true,
      filters: { label: [`com.docker.compose.project=${this.project}-0`] },
    });
    const out: Record<string, ContainerView> = {};
    for (const summary of list) {
      const info = await this.docker.getContainer(summary.Id).inspect();
      const service = info.Config.Labels['com.docker.compose.service'] ?? '?';
      const env: Record<string, string> = {};
      for (const entry of info.Config.Env ?? []) {
        const eq = entry.indexOf('=');
        env[entry.slice(0, eq)] = entry.slice(eq + 1);
      }
      const bindings = info.HostConfig.PortBindings?.['80/tcp'] ?? [];
      out[service] = {
        id: info.Id,
        service,
        image: info.Config.Image,
        running: info.State.Running,
        env,
        published80: bindings.map((b: { HostPort?: string }) => b.HostPort ?? ''),
        init: info.HostConfig.Init === true,
      };
    }
    return out;
  }

  /** Names of the project's networks (compose labels them with the project). */
  async networks(): Promise<string[]> {
    const list = await this.docker.listNetworks({
      filters: { label: [`com.docker.compose.project=${this.project}-0`] },
    });
    return list.map((n) => n.Name).sort();
  }

  /** Removes the project's containers, networks and volumes, the tag made for the test and the temp dirs. */
  dispose(extraImages: readonly string[] = []): void {
    for (const kind of ['container', 'network', 'volume'] as const) {
      const filter = `label=com.docker.compose.project=${this.project}-0`;
      const args = kind === 'container' ? ['ps', '-aq', '--filter', filter] : [kind, 'ls', '-q', '--filter', filter];
      const ids = execFileSync('docker', args, { encoding: 'utf8' }).split('\n').filter(Boolean);
      if (ids.length === 0) continue;
      const rm =
        kind === 'container'
          ? ['rm', '-fv', ...ids]
          : kind === 'network'
            ? ['network', 'rm', ...ids]
            : ['volume', 'rm', '-f', ...ids];
      execFileSync('docker', rm, { stdio: 'ignore' });
    }
    for (const image of extraImages) execFileSync('docker', ['image', 'rm', '-f', image], { stdio: 'ignore' });
    this.juju.dispose();
    rmSync(this.buildDir, { recursive: true, force: true });
  }
}
