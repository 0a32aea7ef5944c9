/**
 * Agent story: the local agent driven as a user drives it, one whole `rxcharm` CLI process per
 * step, on two small charms without Docker (bench/lib/charms: `rxb-web` provides interface http,
 * `rxb-site` requires it). Steps, each timed from process start to exit (hooks included):
 *
 * - `agent-deploy`: `rxcharm deploy <built charm> <app>` (install … start), BENCH_STORY_RUNS apps;
 * - `agent-config`: `rxcharm config rxb-web port=N` (config-changed);
 * - `agent-relate` / `agent-unrelate`: both sides' joined/changed, then departed/broken;
 * - `agent-status`: `rxcharm status` (no hooks: the CLI's own start-up).
 *
 * No peer is available here (no Juju controller): absolute figures only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { summarise } from './lib/process-timing';
import { childrenCpuMs } from './lib/stats';

/** One printed line. */
export type BenchRecord = { readonly bench: string } & Record<string, unknown>;

const RUNS = Number(process.env.BENCH_STORY_RUNS ?? 5);

interface Step {
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Hooks the command ran (its `unit: hook ... ok` lines). */
  readonly hooks: number;
}

function cli(cliPath: string, args: readonly string[]): Step {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`rxcharm ${args.join(' ')} exited ${String(r.status)}: ${r.stderr.slice(-1500)}`);
  const output = `${r.stdout}\n${r.stderr}`;
  if (/ \.\.\. failed/.test(output))
    throw new Error(`rxcharm ${args.join(' ')}: a hook failed:\n${output.slice(-1500)}`);
  return { wallMs, cpuMs: childrenCpuMs() - cpu0, hooks: (output.match(/ \.\.\. ok /g) ?? []).length };
}

function record(bench: string, steps: readonly Step[], command: string): BenchRecord {
  const timing = summarise(
    steps.map((s) => s.wallMs),
    steps.reduce((n, s) => n + s.cpuMs, 0),
  );
  const hooks = steps.map((s) => s.hooks);
  return { bench, ...timing, hooksPerRun: Math.max(...hooks), command, peer: 'none (no Juju here)' };
}

export async function run(): Promise<BenchRecord[]> {
  const root = resolve(process.env.RXCHARM_ROOT ?? process.cwd());
  const cliPath = resolve(root, process.env.RXCHARM_CLI ?? 'dist/rxcharm.js');
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-bench-story-'));
  const model = ['-m', join(dir, 'model')];
  try {
    const built = join(dir, 'built');
    for (const name of ['rxb-web', 'rxb-site'])
      cli(cliPath, ['build', join(root, 'bench', 'lib', 'charms', name), '-o', join(built, name)]);
    const deploys: Step[] = [];
    for (let i = 0; i < RUNS; i++)
      deploys.push(cli(cliPath, ['deploy', join(built, 'rxb-web'), `web${String.fromCharCode(97 + i)}`, ...model]));
    cli(cliPath, ['deploy', join(built, 'rxb-web'), 'rxb-web', ...model]);
    cli(cliPath, ['deploy', join(built, 'rxb-site'), 'rxb-site', ...model]);
    const configs: Step[] = [];
    const relates: Step[] = [];
    const unrelates: Step[] = [];
    const statuses: Step[] = [];
    for (let i = 0; i < RUNS; i++) {
      configs.push(cli(cliPath, ['config', 'rxb-web', `port=${9000 + i}`, ...model]));
      relates.push(cli(cliPath, ['relate', 'rxb-web', 'rxb-site', ...model]));
      unrelates.push(cli(cliPath, ['unrelate', 'rxb-web', 'rxb-site', ...model]));
      statuses.push(cli(cliPath, ['status', ...model]));
    }
    return [
      record('agent-deploy', deploys, 'rxcharm deploy <charm> <app>'),
      record('agent-config', configs, 'rxcharm config rxb-web port=N'),
      record('agent-relate', relates, 'rxcharm relate rxb-web rxb-site'),
      record('agent-unrelate', unrelates, 'rxcharm unrelate rxb-web rxb-site'),
      record('agent-status', statuses, 'rxcharm status (no hooks)'),
    ];
  } finally {
    // The model's unit network (a Docker bridge and its addresses) goes with the model.
    spawnSync(process.execPath, [cliPath, 'destroy-model', ...model], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
  }
}
