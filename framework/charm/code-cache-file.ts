/**
 * The V8 code cache files both loaders keep (a built charm's `lib/charm.js`, under the unit's
 * `.rxcharm/`, and the CLI's `dist/rxcharm.js`, under `dist/.cache/`): the bundle's hash, then
 * V8's cached data. V8's own check looks only at the source length, so the hash is what tells a
 * stale cache. Both loaders run before anything else and import this file directly, not through
 * the `charm` barrel: it imports only Node built-ins.
 */
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Script } from 'node:vm';

/** The cached data of a cache file when it was written for `hash`, else undefined. */
export function cachedDataFor(file: Buffer, hash: string): Buffer | undefined {
  return file.length > hash.length && file.subarray(0, hash.length).toString('latin1') === hash
    ? file.subarray(hash.length)
    : undefined;
}

/** The cached data in `path` for `hash`; undefined when the file is missing, unreadable or stale. */
export function readCodeCache(path: string, hash: string): Buffer | undefined {
  try {
    return cachedDataFor(readFileSync(path), hash);
  } catch {
    return undefined;
  }
}

/**
 * Writes `script`'s code cache for `hash` to `path` (temp file + rename, so a reader never sees
 * half a cache). Never throws: a cache that cannot be written is simply not there next time.
 * With `createDir` false it writes only into an existing directory (a unit's state dir, which a
 * loader must not create).
 */
export function writeCodeCache(path: string, hash: string, script: Script, options: { createDir: boolean }): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    if (options.createDir) mkdirSync(dirname(path), { recursive: true });
    else if (!statSync(dirname(path)).isDirectory()) return;
    writeFileSync(temp, Buffer.concat([Buffer.from(hash, 'latin1'), script.createCachedData()]));
    renameSync(temp, path);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
  }
}
