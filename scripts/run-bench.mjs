// Runs the benchmarks in bench/: `npm run bench` runs all of them and writes bench/REPORT.md;
// `npm run bench -- dispatch compose` runs only those. Each bench/<name>.bench.ts exports
// `run(): Promise<Array<{ bench: string } & Record<string, unknown>>>`; every record is printed
// as one JSON line. Benchmarks are bundled with esbuild first, so they run on plain Node.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

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
      console.error(`ERROR benchmark ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

if (requested.length === 0) writeReport(records);
process.exit(failed ? 1 : 0);

function writeReport(rows) {
  const fmt = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 3 : 1)) : v === undefined ? '' : String(v));
  const lines = [
    '# Benchmark report',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString()} (Node ${process.version}, ${process.platform}/${process.arch}).`,
    'Peers are measured in the same run; ratio = rxcharm / peer (lower is better).',
    '',
    '| bench | rxcharm | peer | ratio | details |',
    '|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const { bench, rxcharm_ms, peer_ms, ratio, ms, median_ms, ...rest } = r;
    const ours = rxcharm_ms ?? median_ms ?? ms;
    const details = Object.entries(rest).map(([k, v]) => `${k}=${fmt(v)}`).join(', ');
    lines.push(`| ${bench} | ${ours === undefined ? '' : `${fmt(ours)} ms`} | ${peer_ms === undefined ? '' : `${fmt(peer_ms)} ms`} | ${fmt(ratio)} | ${details} |`);
  }
  writeFileSync(join(benchDir, 'REPORT.md'), `${lines.join('\n')}\n`);
  console.log(`wrote ${join('bench', 'REPORT.md')}`);
}
