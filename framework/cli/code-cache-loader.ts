import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
// Directly, not through the barrel: the start-up bundle holds only what it runs.
import { readCodeCache, writeCodeCache } from '../charm/code-cache-file';

/**
 * The start of the bundled CLI (`dist/rxcharm.js`): it compiles the CLI bundle
 * (`dist/rxcharm-cli.js`) with a V8 code cache and runs it.
 *
 * Why: parsing and compiling the ~500 KB bundle costs every command some 12 ms of CPU, a tenth of
 * a no-op `rxcharm compose up`, which a whole-process benchmark against docker-compose measures.
 * With the cache V8 deserializes the compiled functions instead.
 *
 * There is one cache per top-level command ({@link codeCacheKey}), because the cache is written
 * when the first run of a command exits and then holds exactly the functions that command
 * compiled. A cache is tagged with a hash of the bundle (V8's own check compares only the source
 * length), and V8 rejects it after a Node upgrade; either way it is written again. Writing is
 * best-effort (temporary file, then rename): a read-only install simply runs without a cache.
 *
 * This file is bundled on its own by `scripts/build-cli.mjs`, which defines the bundle's hash.
 */

/** The file name of the CLI bundle next to the loader. */
export const CLI_BUNDLE_FILE = 'rxcharm-cli.js';

/** The folder, next to the loader, that holds the code caches. */
export const CODE_CACHE_DIR = '.cache';

/**
 * The cache a command line uses: its first argument when that looks like a command name (so
 * `rxcharm compose ...` and `rxcharm build ...` each get theirs), else `default` (help, options
 * only, anything odd, which never becomes a file name).
 */
export function codeCacheKey(argv: readonly string[]): string {
  const first = argv[0];
  return first !== undefined && /^[a-z][a-z-]{0,39}$/.test(first) ? first : 'default';
}

/**
 * Compiles and runs the CLI bundle in `dir` as a CommonJS module, with the code cache for this
 * command line.
 *
 * @param hash - identifies the bundle's content (computed at build time).
 */
export function runCliBundle(dir: string, hash: string, argv: readonly string[], moduleRequire: NodeJS.Require): void {
  const filename = join(dir, CLI_BUNDLE_FILE);
  const cachePath = join(dir, CODE_CACHE_DIR, `rxcharm-cli.${codeCacheKey(argv)}.v8`);
  const cachedData = readCodeCache(cachePath, hash);
  // The wrapper stays on the bundle's first line so line numbers in stack traces stay the bundle's.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(filename, 'utf8')}\n})`;
  const script = new Script(source, { filename, cachedData });
  if (cachedData === undefined || script.cachedDataRejected === true)
    process.once('exit', () => writeCodeCache(cachePath, hash, script, { createDir: true }));
  const wrapper = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  const module = { exports: {} };
  wrapper.call(module.exports, module.exports, moduleRequire, module, filename, dir);
}
