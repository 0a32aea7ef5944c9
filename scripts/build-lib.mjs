// Compiles the library entry points (`rxcharm`, `rxcharm/compose`, `rxcharm/testing`) for the
// package's `exports`: every framework module to CommonJS in dist/lib/, one file per source file
// (so the entry points share their modules, and decorator records, through Node's module cache),
// and the declarations to dist/types/ with tsc. Runs with the CLI build on `npm run build` and
// `prepare`. The CLI (framework/cli) is bundled apart by build-cli.mjs and is not compiled here.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const framework = join(root, 'framework');

/** Library sources: every framework .ts file but tests, test fixtures and the CLI. */
function sources(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    const rel = relative(framework, path);
    if (statSync(path).isDirectory()) return entry === 'fixtures' || rel === 'cli' ? [] : sources(path);
    return entry.endsWith('.ts') && !entry.endsWith('.test.ts') ? [path] : [];
  });
}

rmSync(join(root, 'dist', 'lib'), { recursive: true, force: true });
await build({
  entryPoints: sources(framework),
  outdir: join(root, 'dist', 'lib'),
  outbase: framework,
  bundle: false,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Jest's module registry and plain require() load CommonJS: `import()` becomes `require()`.
  supported: { 'dynamic-import': false },
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
  logLevel: 'warning',
});

rmSync(join(root, 'dist', 'types'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.types.json')], { stdio: 'inherit' });
