// Runs the benchmarks in bench/: `npm run bench` runs all of them and writes bench/REPORT.md;
// `npm run bench -- dispatch compose` runs only those. Each bench/<name>.bench.ts exports
// `run(): Promise<Array<{ bench: string } & Record<string, unknown>>>`; every record is printed
// as one JSON line. Benchmarks are bundled with esbuild first, so they run on plain Node.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { cpus, getPriority, loadavg } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const available = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();
const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = requested.filter((n) => !available.includes(n));
if (unknown.length > 0) {
  console.error(`ERROR unknown benchmark(s): ${unknown.join(', ')} (available: ${available.join(', ')})`);
  process.exit(2);
}
const names = requested.length > 0 ? requested : available;
// Bundles live inside the repo so that `packages: 'external'` imports resolve from its node_modules.
const out = join(root, 'node_modules', '.cache', 'rxcharm-bench');
mkdirSync(out, { recursive: true });
const require = createRequire(import.meta.url);
const records = [];
const failures = [];
const loadBefore = loadavg();
const started = Date.now();
let failed = false;
try {
  for (const name of names) {
    const outfile = join(out, `${name}.cjs`);
    await build({
      entryPoints: [join(benchDir, `${name}.bench.ts`)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      tsconfig: join(root, 'tsconfig.json'),
      logLevel: 'warning',
    });
    try {
      const mod = require(outfile);
      for (const record of await mod.run()) {
        records.push(record);
        console.log(JSON.stringify(record));
      }
    } catch (error) {
      failed = true;
      failures.push({ name, message: error instanceof Error ? error.message.split('\n')[0] : String(error) });
      console.error(`ERROR benchmark ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

if (requested.length === 0) writeReport(records);
process.exit(failed ? 1 : 0);

/**
 * bench/REPORT.md: one table row per record. Conventions of the records: `rxcharm_ms` (or
 * `median_ms`, or `ms`) is ours; `peer_ms` the peer's, measured in the same run unless `peer`
 * says otherwise; `ratio` = ours / peer; `cpu_ms` and `floor_ms`/`floor_cpu_ms` (an interleaved
 * `node -e 0`) where a whole process is timed; `skipped` names why a case did not run.
 */
function writeReport(rows) {
  const fmt = (v) =>
    typeof v === 'number'
      ? Number.isInteger(v)
        ? String(v)
        : v.toFixed(v < 10 ? 3 : 1)
      : v === undefined
        ? ''
        : String(v);
  const ms = (v) => (v === undefined ? '' : `${fmt(v)} ms`);
  const cell = (v) => String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const load = (l) => l.map((x) => x.toFixed(1)).join(' / ');
  const lines = [
    '# Benchmark report',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString()} (Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs).`,
    `Load average (1/5/15 min) at the start: ${load(loadBefore)}; at the end: ${load(loadavg())}; the run took ${Math.round((Date.now() - started) / 1000)} s; nice ${getPriority()}.`,
    'The machine is shared: wall times move with its load. CPU times, and the `node -e 0` floor interleaved with the runs',
    '(`floor`), are the steadier figures. Peers are measured in the same run unless the peer column says otherwise;',
    'ratio = rxcharm / peer (lower is better). What each bench measures: bench/README.md.',
    '',
    '| bench | rxcharm | p90 | CPU | floor (node -e 0) | peer | ratio | details |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const {
      bench,
      rxcharm_ms,
      peer_ms,
      peer,
      ratio,
      ms: plainMs,
      median_ms,
      p90_ms,
      cpu_ms,
      cpuMs,
      floor_ms,
      floor_cpu_ms,
      skipped,
      ...rest
    } = r;
    const ours = rxcharm_ms ?? median_ms ?? plainMs;
    const cpu = cpu_ms ?? cpuMs;
    const floor =
      floor_ms === undefined ? '' : `${ms(floor_ms)}${floor_cpu_ms === undefined ? '' : ` (CPU ${ms(floor_cpu_ms)})`}`;
    const peerCell = peer_ms === undefined ? (peer ?? '') : `${ms(peer_ms)}${peer === undefined ? '' : ` — ${peer}`}`;
    const details = Object.entries(rest)
      .map(([k, v]) => `${k}=${fmt(v)}`)
      .join(', ');
    lines.push(
      `| ${cell(bench)} | ${skipped === undefined ? ms(ours) : `skipped: ${cell(skipped)}`} | ${ms(p90_ms)} | ${ms(cpu)} | ${floor} | ${cell(peerCell)} | ${fmt(ratio)} | ${cell(details)} |`,
    );
  }
  for (const f of failures) lines.push(`| ${cell(f.name)} | FAILED: ${cell(f.message)} | | | | | | |`);
  writeFileSync(join(benchDir, 'REPORT.md'), `${lines.join('\n')}\n`);
  console.log(`wrote ${join('bench', 'REPORT.md')}`);
}
