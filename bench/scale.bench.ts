/**
 * Scale-out (issue 19): voting-app on the local agent with related redis and postgresql, the proxy
 * charm balancing over its units (real containers: run under the Docker lock).
 * - `scale-throughput`: votes per second through the proxy (BENCH_SCALE_VOTES ballots, default
 *   2000, from BENCH_SCALE_CLIENTS clients, default 16) with 1 unit, then with 3 units, same run.
 * - `scale-removal`: the requests sent and failed (not answered 201) while one of the 3 units is
 *   removed under load (`rxcharm remove-unit`), goal 0 failed.
 * Every application is removed at the end, and the units' compose projects by label.
 */
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCharm, findPackageRoot, searchPathFromEnv } from '../framework/build';
import { round1 } from './lib/stats';
import { castLoad, waitForBackends } from '../scripts/demo/vote-load.mjs';
import { freePort, letterTag, removeUnitContainers, VOTING_IMAGES, votingAppUnavailable } from './lib/voting-unit';

/** One printed line. */
export type BenchRecord = { readonly bench: string } & Record<string, unknown>;

const VOTES = Number(process.env.BENCH_SCALE_VOTES ?? 2000);
const CLIENTS = Number(process.env.BENCH_SCALE_CLIENTS ?? 16);

interface UnitView {
  readonly workload: string;
  readonly message: string;
  readonly address?: string;
}

export async function run(): Promise<BenchRecord[]> {
  const root = findPackageRoot();
  const unavailable =
    votingAppUnavailable() ??
    (spawnSync('docker', ['image', 'inspect', 'rxcharm/haproxy'], { stdio: 'ignore' }).status === 0
      ? undefined
      : 'image rxcharm/haproxy missing: run scripts/images/build-images.sh');
  if (unavailable !== undefined)
    return [
      { bench: 'scale-throughput', skipped: unavailable },
      { bench: 'scale-removal', skipped: unavailable },
    ];

  const cliPath = resolve(root, process.env.RXCHARM_CLI ?? 'dist/rxcharm.js');
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-bench-scale-'));
  const model = join(dir, 'model');
  const tag = letterTag();
  const apps = { voting: `rxbv${tag}`, redis: `rxbr${tag}`, pg: `rxbp${tag}`, proxy: `rxbx${tag}` };
  const cli = (...args: string[]): string => {
    const withModel = args[0] === 'build' ? args : [...args, '--model', model];
    const r = spawnSync(process.execPath, [cliPath, ...withModel], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    if (r.status !== 0)
      throw new Error(`rxcharm ${args.join(' ')} exited ${String(r.status)}: ${(r.stderr + r.stdout).slice(-1500)}`);
    return r.stdout;
  };
  const units = (app: string): Record<string, UnitView> =>
    (
      JSON.parse(cli('status', '--format', 'json')) as {
        applications: Record<string, { units: Record<string, UnitView> }>;
      }
    ).applications[app]?.units ?? {};
  const expectActive = (app: string): void => {
    for (const [name, unit] of Object.entries(units(app)))
      if (unit.workload !== 'active') throw new Error(`${name} is ${unit.workload}: ${unit.message}`);
  };
  const created: string[] = [];

  try {
    const built: Record<string, string> = {};
    for (const charm of ['voting-app', 'redis', 'postgresql', 'proxy']) {
      const result = await buildCharm({
        layerDir: join(root, 'charms', charm),
        outputDir: join(dir, 'charms', charm),
        searchPath: searchPathFromEnv({}, root),
        packageRoot: root,
      });
      built[charm] = result.outputDir;
    }
    const ports = {
      vote: await freePort(),
      result: await freePort(),
      redis: await freePort(),
      pg: await freePort(),
      proxy: await freePort(),
      stats: await freePort(),
    };
    cli('deploy', built.redis!, apps.redis, '--config', 'image=rxcharm/redis', '--config', `port=${ports.redis}`);
    created.push(`${apps.redis}/0`);
    cli('deploy', built.postgresql!, apps.pg, '--config', 'image=rxcharm/postgres', '--config', `port=${ports.pg}`);
    created.push(`${apps.pg}/0`);
    const config = Object.entries({ ...VOTING_IMAGES, vote_port: ports.vote, result_port: ports.result }).flatMap(
      ([k, v]) => ['--config', `${k}=${v}`],
    );
    cli('deploy', built['voting-app']!, apps.voting, ...config);
    created.push(`${apps.voting}/0`, `${apps.voting}/1`, `${apps.voting}/2`);
    cli('relate', apps.voting, apps.redis);
    cli('relate', apps.voting, apps.pg);
    cli(
      'deploy',
      built.proxy!,
      apps.proxy,
      '--config',
      'image=rxcharm/haproxy',
      '--config',
      `port=${ports.proxy}`,
      '--config',
      `stats-port=${ports.stats}`,
    );
    created.push(`${apps.proxy}/0`);
    cli('relate', `${apps.proxy}:backends`, `${apps.voting}:voting`);
    cli('wait', '--timeout', '300s');
    expectActive(apps.voting);
    expectActive(apps.proxy);
    const proxyUrl = `http://${units(apps.proxy)[`${apps.proxy}/0`]?.address ?? '127.0.0.1'}:${ports.proxy}`;
    await waitForBackends(proxyUrl, 1);

    const records: BenchRecord[] = [];
    const throughput = async (count: number): Promise<void> => {
      // A short warm-up so connections and the database's first inserts are not in the figure.
      await castLoad(proxyUrl, { concurrency: CLIENTS, shouldStop: (i) => i >= 100 });
      const started = performance.now();
      const stats = await castLoad(proxyUrl, { concurrency: CLIENTS, shouldStop: (i) => i >= VOTES });
      const wallMs = performance.now() - started;
      records.push({
        bench: 'scale-throughput',
        units: count,
        votes_per_s: round1((stats.sent - stats.failed) / (wallMs / 1000)),
        requests: stats.sent,
        failed: stats.failed,
        clients: CLIENTS,
        containers: stats.servedBy.size,
      });
    };
    await throughput(1);

    cli('add-unit', apps.voting, '-n', '2');
    cli('wait', '--timeout', '300s');
    expectActive(apps.voting);
    await waitForBackends(proxyUrl, 3);
    await throughput(3);

    let removed = false;
    let stopAt: number | undefined;
    const load = castLoad(proxyUrl, {
      concurrency: CLIENTS / 2,
      shouldStop: (i) => {
        if (removed) stopAt ??= i + 200;
        return stopAt !== undefined && i >= stopAt;
      },
    });
    await new Promise((r) => setTimeout(r, 1000));
    cli('remove-unit', `${apps.voting}/2`);
    cli('wait', '--timeout', '300s');
    removed = true;
    const stats = await load;
    records.push({
      bench: 'scale-removal',
      requests: stats.sent,
      failed: stats.failed,
      clients: CLIENTS / 2,
      containers: stats.servedBy.size,
      ...(stats.errors.length > 0 ? { errors: stats.errors.join('; ') } : {}),
    });
    return records;
  } finally {
    // Every application's teardown hooks, then the model's unit network.
    spawnSync(process.execPath, [cliPath, 'destroy-model', '--model', model], { stdio: 'ignore' });
    for (const unit of created) removeUnitContainers(unit);
    rmSync(dir, { recursive: true, force: true });
  }
}
