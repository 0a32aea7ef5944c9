/**
 * The dev loop (issue 18 item 4): voting-app on the local agent under `rxcharm dev`'s session,
 * from a handler file's modification to the last hook finished on the unit, over BENCH_EDITS
 * edits (default 20) of `reactive/voting-app.ts` (a status message changes, so the bundle
 * changes). Reported: median and p90, and the build (type check + bundle + write), refresh (the
 * agent's own work) and hook shares of the median cycle.
 *
 * Peer, same run: the cold path, `rxcharm build <layer> -o DIR` then `rxcharm refresh <app>
 * --path DIR` as separate processes (BENCH_COLD_RUNS runs, default 5), timed from the same kind
 * of edit to the refresh command's exit (its hooks have finished by then).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findPackageRoot, searchPathFromEnv } from '../framework/build';
import { DevSession, type DevCycle } from '../framework/dev';
import { median, percentile, round1 } from './lib/stats';
import { freePort, letterTag, removeUnitContainers, VOTING_IMAGES, votingAppUnavailable } from './lib/voting-unit';

/** One printed line. */
export type BenchRecord = { readonly bench: string } & Record<string, unknown>;

const EDITS = Number(process.env.BENCH_EDITS ?? 20);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const MARK = 'Ready to vote on port';

/** One measured loop: a layer copied to a temp dir, deployed, then edited. */
interface LoopCase {
  readonly bench: string;
  /** The layer to copy. */
  readonly source: string;
  /** The handler file, relative to the layer. */
  readonly file: string;
  /** The file's text for edit `n`. */
  readonly edit: (original: string, n: number) => string;
  readonly config: Readonly<Record<string, string | number | boolean>>;
  /** Cleans up what the unit started (containers). */
  readonly cleanUp: (app: string) => void;
}

/**
 * `dev-loop` (voting-app, real containers: run under the Docker lock). With
 * `BENCH_DEV_LOOP=basic`, the loop on test/fixtures/layers/status-app instead (layer:basic, no
 * Docker): the loop's own cost without a workload.
 */
export async function run(): Promise<BenchRecord[]> {
  const root = findPackageRoot();
  if (process.env.BENCH_DEV_LOOP === 'basic') {
    return [
      await measure(root, {
        bench: 'dev-loop-basic',
        source: join(root, 'test', 'fixtures', 'layers', 'status-app'),
        file: join('reactive', 'status-app.ts'),
        edit: (original, n) => `${original}\nexport const DEV_LOOP_EDIT = ${n};\n`,
        config: {},
        cleanUp: () => undefined,
      }),
    ];
  }
  const unavailable = votingAppUnavailable();
  if (unavailable !== undefined) return [{ bench: 'dev-loop', skipped: unavailable }];
  return [
    await measure(root, {
      bench: 'dev-loop',
      source: join(root, 'charms', 'voting-app'),
      file: join('reactive', 'voting-app.ts'),
      edit: (original, n) => {
        if (!original.includes(MARK)) throw new Error(`voting-app.ts no longer contains "${MARK}": update the bench`);
        return original.replace(MARK, `Ready to vote (edit ${n}) on port`);
      },
      config: {
        ...VOTING_IMAGES,
        install_docker: false,
        docker_host: '',
        vote_port: await freePort(),
        result_port: await freePort(),
      },
      cleanUp: (app) => removeUnitContainers(`${app}/0`),
    }),
  ];
}

async function measure(root: string, spec: LoopCase): Promise<BenchRecord> {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-bench-dev-'));
  const layer = join(dir, 'layer');
  cpSync(spec.source, layer, {
    recursive: true,
    filter: (src) => !/[\\/](build|node_modules|\.rxcharm)$/.test(src),
  });
  const file = join(layer, spec.file);
  const original = readFileSync(file, 'utf8');
  const edit = (_file: string, _original: string, n: number): void => writeFileSync(file, spec.edit(original, n));
  const app = `rxdev-${letterTag()}`;
  const modelDir = join(dir, 'model');
  const config = spec.config;
  const waiters: Array<(c: DevCycle) => void> = [];
  const session = await DevSession.start({
    layerDir: layer,
    modelDir,
    app,
    config: Object.entries(config).map(([k, v]) => `${k}=${String(v)}`),
    searchPath: searchPathFromEnv({}, root),
    packageRoot: root,
    basePath: process.env.PATH ?? '/usr/bin:/bin',
    debounceMs: 50,
    onCycle: (cycle) => waiters.shift()?.(cycle),
  });
  try {
    if (session.agent.report().errors.length > 0)
      throw new Error(`deploy failed: ${JSON.stringify(session.agent.report().errors)}`);
    const cycles: Array<{ total: number; cycle: DevCycle }> = [];
    for (let n = 1; n <= EDITS; n++) {
      const ended = new Promise<DevCycle>((done) => waiters.push(done));
      const start = performance.now();
      edit(file, original, n);
      const cycle = await ended;
      const total = performance.now() - start;
      if (cycle.outcome !== 'refreshed') throw new Error(`edit ${n}: ${cycle.outcome} ${cycle.error?.message ?? ''}`);
      cycles.push({ total, cycle });
    }
    const cold: number[] = [];
    const cli = resolve(root, 'bin', 'rxcharm');
    const out = join(dir, 'cold-build');
    for (let n = 1; n <= COLD_RUNS; n++) {
      const start = performance.now();
      edit(file, original, 1000 + n);
      for (const args of [
        ['build', layer, '-o', out, '--force'],
        ['refresh', app, '--path', out, '--model', modelDir],
      ]) {
        const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`rxcharm ${args[0]} failed: ${r.stderr}`);
      }
      cold.push(performance.now() - start);
    }
    const totals = cycles.map((c) => c.total);
    const ours = median(totals);
    const peer = median(cold);
    const share = (pick: (c: DevCycle) => number): number => round1(median(cycles.map((c) => pick(c.cycle))));
    return {
      bench: spec.bench,
      rxcharm_ms: round1(ours),
      p90_ms: round1(percentile(totals, 90)),
      peer_ms: round1(peer),
      peer: `rxcharm build + rxcharm refresh as separate commands, median of ${COLD_RUNS}`,
      ratio: Math.round((ours / peer) * 1000) / 1000,
      edits: EDITS,
      build_ms: share((c) => c.buildMs),
      refresh_ms: share((c) => c.refreshMs),
      hooks_ms: share((c) => c.hookMs),
      hooks_per_edit: cycles[0]?.cycle.hooks.length ?? 0,
    };
  } finally {
    await session.dispose();
    spec.cleanUp(app);
    rmSync(dir, { recursive: true, force: true });
  }
}
