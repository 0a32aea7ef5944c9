/**
 * The e2e demo story's world: the three real charms built once, a temporary model, unique
 * application names (so compose projects are unique), free host ports, and the CLI driven as a
 * user drives it (`bin/rxcharm ... --model DIR`). `dispose` removes every container, network and
 * volume of the story's compose projects, even after a failure.
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultUnitAddress } from '../../../framework/agent';
import { removeProject } from '../../support';

export const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'bin', 'rxcharm');

/** Result of one CLI run. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A unit's view in `status --format json`. */
export interface UnitView {
  readonly workload: string;
  readonly message: string;
  readonly agent: string;
  readonly ports: readonly string[];
}

/** A free TCP port the kernel hands out (closed again before use). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '0.0.0.0', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

/** Builds the CLI bundle when missing (a clean clone after `npm ci` already has it). */
function ensureCli(): void {
  if (existsSync(join(ROOT, 'dist', 'rxcharm.js'))) return;
  const out = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`building the CLI failed: ${out.stderr}`);
}

export class DemoWorld {
  readonly dir = mkdtempSync(join(tmpdir(), 'rxcharm-e2e-demo-'));
  readonly modelDir = join(this.dir, 'model');
  readonly charmsDir = join(this.dir, 'charms');
  /** What units publish: the agent's own default (docker0's address...), unless the caller set one. */
  readonly address = process.env.RXCHARM_UNIT_ADDRESS || defaultUnitAddress();
  readonly suffix = randomBytes(3).toString('hex');
  /** Application names: unique per run, so compose projects (`<app>-<n>`) are too. */
  readonly apps = { voting: `vote${this.suffix}`, redis: `redis${this.suffix}`, postgres: `pg${this.suffix}` };
  private readonly projects = new Set<string>();

  constructor() {
    ensureCli();
  }

  /** Runs the CLI with this model; never rejects (the caller asserts the exit code). */
  cli(...args: string[]): Promise<CliResult> {
    const withModel = args[0] === 'build' ? args : [...args, '--model', this.modelDir];
    // Hooks of different applications run in parallel (the agent's default); the unit address is
    // the agent's default too unless RXCHARM_UNIT_ADDRESS was given.
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.RXCHARM_MODEL;
    delete env.RXCHARM_AGENT_SERIAL;
    // The single-unit story runs with one shared unit address (no unit network), its pages on
    // every host address (docker_publish_address=0.0.0.0 in deploy), as it prints them.
    env.RXCHARM_UNIT_NETWORK = '0';
    return new Promise((done) => {
      execFile(
        process.execPath,
        [CLI, ...withModel],
        { cwd: ROOT, env, maxBuffer: 16 << 20 },
        (error, stdout, stderr) => {
          const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
          done({ code, stdout, stderr });
        },
      );
    });
  }

  /** Runs the CLI and fails with its output unless it exits 0. */
  async ok(...args: string[]): Promise<string> {
    const result = await this.cli(...args);
    if (result.code !== 0) {
      // Enough context to diagnose from the test report alone: the model's status and recent hook logs.
      const status = args[0] === 'status' ? '' : (await this.cli('status')).stdout;
      const log = (await this.cli('debug-log', '--lines', '60')).stdout;
      throw new Error(
        `rxcharm ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}\n--- status ---\n${status}\n--- debug-log (last 60) ---\n${log}`,
      );
    }
    return result.stdout;
  }

  /** Builds charms/<name> into this world (exit 100 = proof warnings only, accepted). */
  async build(name: string): Promise<string> {
    const out = join(this.charmsDir, name);
    const result = await this.cli('build', join(ROOT, 'charms', name), '-o', out, '--force');
    if (result.code !== 0 && result.code !== 100)
      throw new Error(`rxcharm build charms/${name} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
    return out;
  }

  /** Deploys a built charm; its unit's compose project is recorded for clean-up first. */
  async deploy(charm: string, app: string, config: Record<string, string | number>): Promise<string> {
    this.projects.add(`${app}-0`);
    return this.ok(
      'deploy',
      join(this.charmsDir, charm),
      app,
      ...Object.entries({ docker_publish_address: '0.0.0.0', ...config }).flatMap(([k, v]) => [
        '--config',
        `${k}=${v}`,
      ]),
    );
  }

  async status(): Promise<{
    applications: Record<string, { units: Record<string, UnitView> }>;
    relations: Array<Record<string, string>>;
  }> {
    return JSON.parse(await this.ok('status', '--format', 'json'));
  }

  async unit(name: string): Promise<UnitView> {
    const app = name.split('/')[0]!;
    const unit = (await this.status()).applications[app]?.units[name];
    if (unit === undefined) throw new Error(`no unit ${name} in status`);
    return unit;
  }

  /** A unit's charm dir (`app/0` → `<model>/units/app-0/charm`). */
  charmDir(unit: string): string {
    return join(this.modelDir, 'units', unit.replace('/', '-'), 'charm');
  }

  /** A unit's kv store (from its state file). */
  kv(unit: string): Record<string, unknown> {
    return (
      JSON.parse(readFileSync(join(this.charmDir(unit), '.rxcharm', 'unit-state.json'), 'utf8')) as {
        kv: Record<string, unknown>;
      }
    ).kv;
  }

  /** `{ service: { id, state, labels } }` of a compose project's containers. */
  containers(project: string): Record<string, { id: string; state: string; labels: Record<string, string> }> {
    const ids = spawnSync('docker', ['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`], {
      encoding: 'utf8',
    })
      .stdout.split('\n')
      .filter(Boolean);
    if (ids.length === 0) return {};
    const inspected = JSON.parse(spawnSync('docker', ['inspect', ...ids], { encoding: 'utf8' }).stdout) as Array<{
      Id: string;
      State: { Status: string };
      Config: { Labels: Record<string, string> };
    }>;
    return Object.fromEntries(
      inspected.map((c) => [
        c.Config.Labels['com.docker.compose.service'] ?? '?',
        { id: c.Id, state: c.State.Status, labels: c.Config.Labels },
      ]),
    );
  }

  /** Records a compose project for clean-up (units added after `deploy`). */
  track(project: string): void {
    this.projects.add(project);
  }

  /** Networks of a compose project. */
  networks(project: string): string[] {
    return spawnSync('docker', ['network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`], {
      encoding: 'utf8',
    })
      .stdout.split('\n')
      .filter(Boolean);
  }

  /** Volumes of a compose project. */
  volumes(project: string): string[] {
    return spawnSync('docker', ['volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`], {
      encoding: 'utf8',
    })
      .stdout.split('\n')
      .filter(Boolean);
  }

  dispose(): void {
    for (const project of this.projects) removeProject(project);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
