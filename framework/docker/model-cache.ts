import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComposeModel } from './model/types';

/**
 * A cache of parsed compose models, so a repeated `rxcharm compose up` on an unchanged file skips
 * loading the YAML parser and parsing (the largest part of a no-op `up` after Node's own start).
 *
 * An entry is valid only when the file's text, the value of every interpolation variable the parse
 * read (including unset ones), every env_file's content and the home directory are unchanged, so
 * a hit always yields exactly what parsing would. Failures to read or write the cache are ignored.
 */
interface CacheEntry {
  readonly version: 1;
  readonly file: string;
  readonly textSha: string;
  readonly home: string;
  readonly env: Readonly<Record<string, string | null>>;
  readonly envFiles: Readonly<Record<string, string>>;
  readonly warnings: readonly string[];
  readonly model: ComposeModel;
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

function entryPath(cacheDir: string, file: string): string {
  return join(cacheDir, `${sha(file).slice(0, 32)}.json`);
}

/** An environment view that records every variable read through it (and its value, or null). */
export function recordingEnv(env: Readonly<Record<string, string | undefined>>): {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly used: Record<string, string | null>;
} {
  const used: Record<string, string | null> = {};
  const view = new Proxy(env, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      const value = target[key];
      used[key] = value ?? null;
      return value;
    },
  });
  return { env: view, used };
}

/** The cached model of `file` when still valid for `text` and `env`, else undefined. */
export function readCachedModel(
  cacheDir: string,
  file: string,
  text: string,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): { readonly model: ComposeModel; readonly warnings: readonly string[] } | undefined {
  try {
    const entry = JSON.parse(readFileSync(entryPath(cacheDir, file), 'utf8')) as CacheEntry;
    if (entry.version !== 1 || entry.file !== file || entry.home !== home || entry.textSha !== sha(text))
      return undefined;
    for (const [key, value] of Object.entries(entry.env)) if ((env[key] ?? null) !== value) return undefined;
    for (const [path, digest] of Object.entries(entry.envFiles))
      if (sha(readFileSync(path, 'utf8')) !== digest) return undefined;
    return { model: entry.model, warnings: entry.warnings };
  } catch {
    return undefined;
  }
}

/** Stores a parsed model (write to a temporary file, then rename). */
export function writeCachedModel(
  cacheDir: string,
  file: string,
  text: string,
  used: Readonly<Record<string, string | null>>,
  home: string,
  model: ComposeModel,
  warnings: readonly string[],
): void {
  try {
    const envFiles: Record<string, string> = {};
    for (const path of Object.values(model.services).flatMap((s) => [...s.envFiles, ...(s.sourceFiles ?? [])]))
      envFiles[path] = sha(readFileSync(path, 'utf8'));
    const entry: CacheEntry = { version: 1, file, textSha: sha(text), home, env: used, envFiles, warnings, model };
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    const target = entryPath(cacheDir, file);
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(entry), { mode: 0o600 });
    renameSync(temp, target);
  } catch {
    // A cache that cannot be written only costs the next run a parse.
  }
}
