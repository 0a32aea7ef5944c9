/**
 * The code of a built charm's `lib/charm.js` (see {@link charmLoaderSource}, which compiles this
 * module with esbuild and calls {@link runCharmBundle} with the bundle's settings): it compiles
 * `lib/charm.bundle.js` with a V8 code cache and runs it as if it were `lib/charm.js` itself.
 * It runs before anything else of the charm, so it imports only Node built-ins (and the
 * built-ins-only code cache file format of framework/charm).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
// Directly, not through the barrel: the loader bundles only what it runs (see code-cache-file.ts).
import { readCodeCache, writeCodeCache } from '../charm/code-cache-file';

/** What the build knows about the bundle, baked into `lib/charm.js`. */
export interface CharmLoaderSettings {
  /** Hash of the bundle's text: the key of the code cache (V8's own check looks at the length only). */
  readonly hash: string;
  /** `latin1` when the bundle is ASCII (a plain byte copy, no UTF-8 decoding), else `utf8`. */
  readonly encoding: 'latin1' | 'utf8';
  /** The bundle, its source map and the code cache, relative to the loader's directory (`lib/`). */
  readonly bundle: string;
  readonly map: string;
  readonly cache: string;
}

/** The loader's own CommonJS scope, handed on to the bundle. */
export interface LoaderScope {
  readonly module: NodeJS.Module;
  readonly require: NodeJS.Require;
  readonly filename: string;
  readonly dirname: string;
}

/**
 * Compiles and runs the bundle with the code cache: reads the cache when its key matches, and
 * writes it (atomically, once, when this process exits, so it holds every function the hook
 * compiled) when there was none or V8 rejected it, only into an existing unit state dir.
 */
export function runCharmBundle(settings: CharmLoaderSettings, scope: LoaderScope): void {
  const bundle = join(scope.dirname, settings.bundle);
  const cacheFile = join(scope.dirname, settings.cache);
  if (sourceMapsOn()) mapStackFrames(bundle, join(scope.dirname, settings.map));
  const code = readFileSync(bundle, settings.encoding);
  const cachedData = readCodeCache(cacheFile, settings.hash);
  // lineOffset -1: the wrapper's own line does not count, so positions are the bundle's (and the map's).
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${code}\n})`, {
    filename: bundle,
    lineOffset: -1,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  if (cachedData === undefined || script.cachedDataRejected === true)
    process.once('exit', () => writeCodeCache(cacheFile, settings.hash, script, { createDir: false }));
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(scope.module.exports, scope.module.exports, scope.require, scope.module, scope.filename, scope.dirname);
}

function sourceMapsOn(): boolean {
  return (
    (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled === true ||
    process.execArgv.includes('--enable-source-maps') ||
    /--enable-source-maps/.test(process.env.NODE_OPTIONS ?? '')
  );
}

/** A source map's entry, as `module.SourceMap#findEntry` returns it. */
interface MapEntry {
  readonly originalSource?: string;
  readonly originalLine: number;
  readonly originalColumn: number;
}

/**
 * Node does not apply source maps to code compiled through `vm`, and parsing the map on every
 * start would cost more than the cache saves: frames of the bundle are mapped here, reading the
 * map only when a stack trace is first formatted.
 */
function mapStackFrames(bundle: string, mapFile: string): void {
  let map: { findEntry(line: number, column: number): MapEntry | Record<string, never> } | null | undefined;
  const locate = (line: number, column: number): string | undefined => {
    if (map === undefined) {
      try {
        // Loaded only here: most hooks never format a stack trace.
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- on first use only (start-up tuning)
        const { SourceMap } = require('node:module') as typeof import('node:module');
        map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
      } catch {
        map = null;
      }
    }
    const entry = map === null ? undefined : (map.findEntry(line - 1, column - 1) as Partial<MapEntry>);
    if (entry?.originalSource === undefined || entry.originalLine === undefined || entry.originalColumn === undefined)
      return undefined;
    const source = entry.originalSource.startsWith('file://')
      ? fileURLToPath(entry.originalSource)
      : resolve(dirname(bundle), entry.originalSource);
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  };
  Error.prepareStackTrace = (error, frames) => {
    let head: string;
    try {
      head = Error.prototype.toString.call(error);
    } catch {
      head = 'Error';
    }
    const lines = frames.map((frame) => {
      const text = String(frame);
      if (frame.getFileName() !== bundle) return text;
      const where = `${bundle}:${frame.getLineNumber()}:${frame.getColumnNumber()}`;
      const mapped = locate(frame.getLineNumber() ?? 0, frame.getColumnNumber() ?? 0);
      return mapped === undefined ? text : text.replace(where, mapped);
    });
    return head + lines.map((l) => `\n    at ${l}`).join('');
  };
}
