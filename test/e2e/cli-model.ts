/**
 * A temporary model driven through the CLI as a user drives it (`bin/rxcharm ... --model DIR`),
 * with the real charms built into it: the one helper of the e2e suites that drive the CLI
 * (`agent/unit-addresses`, and the demo's `DemoWorld`, which extends it). `dispose` destroys the
 * model (its unit network included) and removes every compose project it recorded, even after a
 * failure.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { removeProject } from '../support';

export const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'bin', 'rxcharm');

/** Result of one CLI run. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A unit in `status --format json`. */
export interface UnitStatus {
  readonly workload: string;
  readonly message: string;
  readonly agent: string;
  readonly address: string;
  readonly ports: readonly string[];
}

/** `status --format json`. */
export interface ModelStatus {
  readonly model: { readonly network?: { name: string; bridge: string; subnet: string }; readonly warning?: string };
  readonly applications: Record<string, { units: Record<string, UnitStatus> }>;
  readonly relations: Array<Record<string, string>>;
}

export { freePort } from '../support/free-port';

/**
 * voting-app's image options set to the local images `scripts/images` builds (the same as
 * `npm run demo` deploys with).
 */
export const VOTING_APP_LOCAL_IMAGES = {
  vote_image: 'rxcharm/vote',
  worker_image: 'rxcharm/worker',
  result_image: 'rxcharm/result',
  redis_image: 'rxcharm/redis',
  postgres_image: 'rxcharm/postgres',
} as const;

/** Options of {@link CliModel}. */
export interface CliModelOptions {
  /** Prefix of the temporary directory (model, built charms). */
  readonly prefix?: string;
  /** Variables the CLI gets on top of the test process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Variables of the test process the CLI must not see. */
  readonly unset?: readonly string[];
}

/** Builds the CLI bundle when missing (a clean clone after `npm ci` already has it). */
function ensureCli(): void {
  if (existsSync(join(ROOT, 'dist', 'rxcharm.js'))) return;
  const out = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`building the CLI failed: ${out.stderr}`);
}

export class CliModel {
  readonly dir: string;
  readonly modelDir: string;
  readonly charmsDir: string;
  private readonly projects = new Set<string>();
  private readonly env: Readonly<Record<string, string>>;
  private readonly unset: readonly string[];

  constructor(options: CliModelOptions = {}) {
    this.dir = mkdtempSync(join(tmpdir(), options.prefix ?? 'rxcharm-e2e-units-'));
    this.modelDir = join(this.dir, 'model');
    this.charmsDir = join(this.dir, 'charms');
    this.env = options.env ?? {};
    this.unset = options.unset ?? ['RXCHARM_MODEL', 'RXCHARM_UNIT_ADDRESS', 'RXCHARM_UNIT_NETWORK'];
    ensureCli();
  }

  /** Runs the CLI on this model; never rejects (the caller asserts the exit code). */
  cli(...args: string[]): Promise<CliResult> {
    const withModel = args[0] === 'build' ? args : [...args, '--model', this.modelDir];
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    for (const name of this.unset) delete env[name];
    Object.assign(env, this.env);
    return new Promise((done) => {
      execFile(
        process.execPath,
        [CLI, ...withModel],
        { cwd: ROOT, env, maxBuffer: 16 << 20 },
        (error, stdout, stderr) =>
          done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr }),
      );
    });
  }

  /** Runs the CLI and fails with its output (and the model's status and debug log) unless it exits 0. */
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

  /** Builds charms/<name> into this model's dir (exit 100 = proof warnings only, accepted). */
  async build(name: string): Promise<string> {
    const out = join(this.charmsDir, name);
    const result = await this.cli('build', join(ROOT, 'charms', name), '-o', out, '--force');
    if (result.code !== 0 && result.code !== 100)
      throw new Error(`rxcharm build charms/${name} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
    return out;
  }

  async status(): Promise<ModelStatus> {
    return JSON.parse(await this.ok('status', '--format', 'json')) as ModelStatus;
  }

  /** Records a compose project for clean-up: a unit's (`app/3` → `app-3`) or one named as such. */
  track(unitOrProject: string): void {
    this.projects.add(unitOrProject.replace('/', '-'));
  }

  /** `<hook>` names the agent ran on `unit`, in order, from the model's debug log. */
  hooksRun(unit: string): string[] {
    const file = join(this.modelDir, 'debug.log');
    if (!existsSync(file)) return [];
    const marker = ` unit.${unit}.agent: ${unit}: `;
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes(marker))
      .map((line) => line.slice(line.indexOf(marker) + marker.length).split(' ')[0]!);
  }

  async dispose(): Promise<void> {
    if (existsSync(join(this.modelDir, 'model.json'))) await this.cli('destroy-model');
    for (const project of this.projects) removeProject(project);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
