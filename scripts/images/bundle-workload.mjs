// Bundles one voting-app workload entry point into a single CommonJS file for the rxcharm/node
// image, which has no node_modules. Usage: node bundle-workload.mjs ENTRY.ts OUTFILE
import { build } from 'esbuild';

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error('usage: node bundle-workload.mjs ENTRY.ts OUTFILE');
  process.exit(2);
}

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // pg tries `require('pg-native')` only when asked for the native driver, which we never do.
  external: ['pg-native'],
  legalComments: 'none',
  logLevel: 'warning',
});
