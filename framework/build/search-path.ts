import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { BuildError } from './errors';
import { findNpmLayers, type NpmLayer } from './npm-layers';

/** Where `layer:X` and `interface:X` includes are looked up, in order. */
export interface LayerSearchPath {
  /** Directories that hold layers (`<dir>/<name>` or `<dir>/layer-<name>`). */
  readonly layers: readonly string[];
  /** Directories that hold interface layers (`<dir>/<name>` or `<dir>/interface-<name>`). */
  readonly interfaces: readonly string[];
  /** Layers and interfaces declared by installed npm packages, looked up after the directories. */
  readonly packages?: readonly NpmLayer[];
}

/**
 * Finds the rxcharm package root from a directory inside it: the first ancestor whose
 * `package.json` is named `rxcharm`. Works for the bundled CLI (`<pkg>/dist`) and the sources
 * under jest (`<pkg>/framework/build`).
 */
export function findPackageRoot(from: string = __dirname): string {
  let dir = resolve(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
        if (parsed.name === 'rxcharm') return dir;
      } catch {
        // An unreadable package.json is not ours; keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new BuildError('PACKAGE_ROOT_NOT_FOUND', `rxcharm package root not found: ${from}`, { context: { from } });
    dir = parent;
  }
}

/**
 * Builds the search path: the package's own `layers/` and `interfaces/` first, then the
 * directories named by `CHARM_LAYERS_DIR` / `LAYER_PATH` and `CHARM_INTERFACES_DIR` /
 * `INTERFACE_PATH` (each may hold several directories separated by `:`).
 *
 * Only the CLI calls this, with `process.env`; everything else receives the typed result.
 */
export function searchPathFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  packageRoot: string,
): LayerSearchPath {
  const split = (...names: string[]): string[] =>
    names
      .flatMap((name) => (env[name] ?? '').split(delimiter))
      .filter((entry) => entry.length > 0)
      .map((entry) => resolve(entry));
  return {
    layers: [join(packageRoot, 'layers'), ...split('CHARM_LAYERS_DIR', 'LAYER_PATH')],
    interfaces: [join(packageRoot, 'interfaces'), ...split('CHARM_INTERFACES_DIR', 'INTERFACE_PATH')],
  };
}

/**
 * The nearest directory from `from` upwards that holds a `package.json`: the author's project
 * (or this repository). `undefined` outside any package.
 */
export function findProjectRoot(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Adds an author's project to a search path: its own `layers/` and `interfaces/` directories
 * first, and after everything else the layers its installed npm packages declare.
 */
export function withProjectLayers(searchPath: LayerSearchPath, projectRoot: string | undefined): LayerSearchPath {
  if (projectRoot === undefined) return searchPath;
  const own = (name: string, list: readonly string[]): string[] => {
    const dir = join(projectRoot, name);
    return list.includes(dir) ? [...list] : [dir, ...list];
  };
  return {
    layers: own('layers', searchPath.layers),
    interfaces: own('interfaces', searchPath.interfaces),
    packages: [...(searchPath.packages ?? []), ...findNpmLayers(projectRoot)],
  };
}
