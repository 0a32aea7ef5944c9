import { build } from 'esbuild';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * Bundles the `rxcharm` CLI from source into `outfile`, as `scripts/build-cli.mjs` does for
 * `dist/` but at a path the test owns, so tests that drive the CLI as whole processes never race
 * another suite (or a developer) rebuilding `dist/`. The file must sit inside the repo so its
 * external packages resolve from the repo's node_modules.
 */
export async function buildCliBundle(outfile: string): Promise<void> {
  await build({
    entryPoints: [join(root, 'framework/cli/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'error',
  });
}
