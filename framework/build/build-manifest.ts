import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LayerFileError } from './errors';
import { isMap } from './internal/read-yaml';
import { BUILD_MANIFEST_FILE, isUnitStatePath } from '../charm';

/** Name of the manifest file at the root of a built charm. */
export const MANIFEST_FILE = BUILD_MANIFEST_FILE;

/** One built file: which layer it came from, copied (`static`) or generated (`dynamic`), its hash. */
export interface ManifestEntry {
  readonly layer: string;
  readonly kind: 'static' | 'dynamic';
  readonly sha256: string;
}

/** Contents of `.build.manifest`. */
export interface BuildManifest {
  readonly version: 1;
  readonly charm: string;
  /** Layers in build order, then interfaces. */
  readonly layers: ReadonlyArray<{
    readonly name: string;
    readonly kind: 'layer' | 'interface';
    readonly include: string;
    readonly dir: string;
  }>;
  /** Per file path (relative, `/`-separated). The manifest itself is not listed. */
  readonly files: Readonly<Record<string, ManifestEntry>>;
}

/** Hex SHA-256 of some bytes. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Reads `<dir>/.build.manifest`; `undefined` when absent. @throws LayerFileError when malformed. */
export function readManifest(dir: string): BuildManifest | undefined {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LayerFileError(file, `not valid JSON: ${(error as Error).message}`, undefined, error);
  }
  if (!isMap(parsed) || parsed['version'] !== 1 || !isMap(parsed['files']) || !Array.isArray(parsed['layers'])) {
    throw new LayerFileError(file, 'not an rxcharm build manifest (expected version 1 with layers and files)');
  }
  return parsed as unknown as BuildManifest;
}

/**
 * Compares a built directory with its manifest: files changed, deleted or added by hand since
 * the build. Returns one line per conflict (`changed: path`), empty when the tree is pristine.
 */
export function manifestConflicts(dir: string, manifest: BuildManifest): string[] {
  const conflicts: string[] = [];
  const present = new Set(listFiles(dir).filter((path) => path !== MANIFEST_FILE));
  for (const [path, entry] of Object.entries(manifest.files)) {
    if (!present.has(path)) conflicts.push(`deleted: ${path}`);
    else if (sha256(readFileSync(join(dir, path))) !== entry.sha256) conflicts.push(`changed: ${path}`);
    present.delete(path);
  }
  for (const path of [...present].filter((p) => !isUnitStatePath(p)).sort()) conflicts.push(`added: ${path}`);
  return conflicts;
}

/** What a rebuild changed compared with the previous manifest (for `--report`). */
export interface BuildChanges {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  readonly firstBuild: boolean;
}

/** Diffs two manifests by file hash. */
export function diffManifests(previous: BuildManifest | undefined, next: BuildManifest): BuildChanges {
  const before = previous?.files ?? {};
  const added = Object.keys(next.files)
    .filter((path) => before[path] === undefined)
    .sort();
  const changed = Object.keys(next.files)
    .filter((path) => before[path] !== undefined && before[path]?.sha256 !== next.files[path]?.sha256)
    .sort();
  const removed = Object.keys(before)
    .filter((path) => next.files[path] === undefined)
    .sort();
  return { added, changed, removed, firstBuild: previous === undefined };
}

/** Relative paths of all regular files below `dir`. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}
