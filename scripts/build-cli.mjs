// Bundles the rxcharm CLI into dist/rxcharm.js. Runs on `npm ci` (prepare) and before tests,
// so a fresh clone has a working `rxcharm` without a separate compile step.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [join(root, 'framework/cli/main.ts')],
  outfile: join(root, 'dist/rxcharm.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Runtime dependencies stay in node_modules; esbuild itself must never be bundled.
  packages: 'external',
  sourcemap: 'linked',
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
});
