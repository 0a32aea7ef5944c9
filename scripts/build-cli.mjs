// Bundles the rxcharm CLI into dist/rxcharm-cli.js and its start, dist/rxcharm.js, which compiles
// that bundle with a V8 code cache (framework/cli/code-cache-loader.ts). Runs on `npm ci`
// (prepare) and before tests, so a fresh clone has a working `rxcharm` without a separate step.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Packages bundled into the CLI because every command start pays for them: commander loaded
// from node_modules costs ~11 ms of module resolution and loading per start, which a
// whole-process benchmark against docker-compose measures. Everything else stays in
// node_modules and loads only when a command needs it (esbuild must never be bundled; dockerode
// has optional native addons).
const BUNDLED_PACKAGES = new Set(['commander']);

/** Marks bare package imports external unless listed above; our own aliases resolve as usual. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const spec = args.path;
      if (
        spec === 'rxcharm' ||
        spec.startsWith('rxcharm/') ||
        spec.startsWith('layer:') ||
        spec.startsWith('interface:')
      )
        return undefined;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (BUNDLED_PACKAGES.has(name)) return undefined;
      return { path: spec, external: true };
    });
  },
};

const bundleFile = join(root, 'dist/rxcharm-cli.js');
await build({
  entryPoints: [join(root, 'framework/cli/main.ts')],
  outfile: bundleFile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // The loader compiles the bundle with vm.Script, which has no dynamic-import callback: lazy
  // imports of packages (dockerode, esbuild) must become require calls.
  supported: { 'dynamic-import': false },
  plugins: [externalPackages],
  sourcemap: 'linked',
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
});

const bundleHash = createHash('sha256').update(readFileSync(bundleFile)).digest('hex').slice(0, 32);
await build({
  entryPoints: [join(root, 'framework/cli/start.ts')],
  outfile: join(root, 'dist/rxcharm.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  define: { RXCHARM_CLI_BUNDLE_HASH: JSON.stringify(bundleHash) },
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
});
