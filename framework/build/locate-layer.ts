import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LayerConflictError } from './errors';
import type { LayerSearchPath } from './search-path';

/**
 * Finds the directory of `layer:<name>` or `interface:<name>`: the first search-path directory
 * holding `<name>` or `<kind>-<name>`, else the installed npm package that declares it.
 *
 * @returns the directory, or `undefined` when nothing provides the name.
 * @throws LayerConflictError when an npm package declares a name a directory also provides, or
 *   two packages declare it: naming both places.
 */
export function locateLayer(
  searchPath: LayerSearchPath,
  kind: 'layer' | 'interface',
  name: string,
): string | undefined {
  const dirs = kind === 'layer' ? searchPath.layers : searchPath.interfaces;
  const inDirs = findInDirs(dirs, name, kind);
  const packages = (searchPath.packages ?? []).filter((p) => p.kind === kind && p.name === name);
  const places = [
    ...(inDirs === undefined ? [] : [inDirs]),
    ...packages.map((p) => `${p.dir} (npm package ${p.packageName})`),
  ];
  if (places.length > 1 && packages.length > 0) throw new LayerConflictError(`${kind}:${name}`, places);
  return inDirs ?? packages[0]?.dir;
}

function findInDirs(dirs: readonly string[], name: string, prefix: string): string | undefined {
  for (const base of dirs) {
    for (const candidate of [join(base, name), join(base, `${prefix}-${name}`)]) {
      if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    }
  }
  return undefined;
}
