import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { CharmDirError, IncludeCycleError, LayerFileError, LayerNotFoundError } from './errors';
import { locateLayer } from './locate-layer';
import { readYamlMap, type YamlMap } from './internal/read-yaml';
import type { LayerSearchPath } from './search-path';

/** One layer or interface layer of a stack, with its parsed `layer.yaml` / `interface.yaml`. */
export interface ResolvedLayer {
  /** Layer name: `name:` in its yaml, else the include's name (the charm name for the top layer), else the directory name. */
  readonly name: string;
  /** Absolute directory of the layer. */
  readonly dir: string;
  readonly kind: 'layer' | 'interface';
  /** How it was referenced: `layer:basic`, `interface:redis`, a path, or `top` for the top layer. */
  readonly include: string;
  /** Parsed `layer.yaml` (layers) or `interface.yaml` (interfaces); `{}` when absent. */
  readonly config: YamlMap;
}

/** A resolved stack: layers in build order (lowest first, top layer last) and the interfaces. */
export interface LayerStack {
  readonly layers: readonly ResolvedLayer[];
  /** Interface layers in discovery order (not part of the file-merge order). */
  readonly interfaces: readonly ResolvedLayer[];
}

/**
 * Resolves a layer's `includes` depth-first (a layer comes after what it includes, left to right;
 * a layer seen twice keeps its first position), exactly as charm-tools orders them.
 *
 * @param topDir the layer to build.
 * @param searchPath where `layer:X` / `interface:X` are looked up.
 * @throws LayerNotFoundError, LayerConflictError, IncludeCycleError (naming the chain), LayerFileError.
 * @example
 * ```ts
 * const stack = resolveLayers('./layers/my-app', searchPathFromEnv(process.env, findPackageRoot()));
 * stack.layers.map((l) => l.name); // ['basic', 'docker', 'my-app']
 * ```
 */
export function resolveLayers(topDir: string, searchPath: LayerSearchPath): LayerStack {
  const top = resolve(topDir);
  if (!existsSync(top) || !statSync(top).isDirectory()) throw new CharmDirError(top, 'not a directory');
  const layers: ResolvedLayer[] = [];
  const interfaces: ResolvedLayer[] = [];
  const done = new Set<string>();
  const visiting: Array<{ real: string; name: string }> = [];

  const visit = (dir: string, include: string, nameHint: string | undefined): void => {
    const real = realpathSync(dir);
    const layer = loadLayer(real, 'layer', include, nameHint);
    const onStack = visiting.findIndex((entry) => entry.real === real);
    if (onStack >= 0) throw new IncludeCycleError([...visiting.slice(onStack).map((entry) => entry.name), layer.name]);
    if (done.has(real) || layers.some((other) => other.name === layer.name)) return;
    visiting.push({ real, name: layer.name });
    for (const child of includesOf(layer)) {
      if (child.startsWith('interface:')) {
        const name = child.slice('interface:'.length);
        if (interfaces.some((other) => other.include === child || other.name === name)) continue;
        const found = locateLayer(searchPath, 'interface', name);
        if (found === undefined)
          throw new LayerNotFoundError(child, layer.name, searchPath.interfaces, configFile(layer));
        interfaces.push(loadLayer(realpathSync(found), 'interface', child, name));
      } else if (child.startsWith('layer:')) {
        const name = child.slice('layer:'.length);
        const found = locateLayer(searchPath, 'layer', name);
        if (found === undefined) throw new LayerNotFoundError(child, layer.name, searchPath.layers, configFile(layer));
        visit(found, child, name);
      } else {
        const path = isAbsolute(child) ? child : join(layer.dir, child);
        if (!existsSync(path) || !statSync(path).isDirectory())
          throw new LayerNotFoundError(child, layer.name, [path], configFile(layer));
        visit(path, child, undefined);
      }
    }
    visiting.pop();
    done.add(real);
    layers.push(layer);
  };

  visit(top, 'top', undefined);
  return { layers, interfaces };
}

function configFile(layer: ResolvedLayer): string {
  return join(layer.dir, layer.kind === 'layer' ? 'layer.yaml' : 'interface.yaml');
}

function includesOf(layer: ResolvedLayer): string[] {
  const raw = layer.config['includes'];
  if (raw === undefined || raw === null) return [];
  const file = configFile(layer);
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list) || !list.every((item): item is string => typeof item === 'string')) {
    throw new LayerFileError(file, '`includes` must be a list of strings such as layer:basic or interface:redis');
  }
  return list;
}

function loadLayer(
  dir: string,
  kind: 'layer' | 'interface',
  include: string,
  nameHint: string | undefined,
): ResolvedLayer {
  const file = join(dir, kind === 'layer' ? 'layer.yaml' : 'interface.yaml');
  const config = readYamlMap(file) ?? {};
  const declared = config['name'];
  if (declared !== undefined && typeof declared !== 'string') throw new LayerFileError(file, '`name` must be a string');
  // The top layer is named after the charm (as charm-tools does), so handler ids read `<charm>:...`.
  const charmName = include === 'top' ? readYamlMap(join(dir, 'metadata.yaml'))?.['name'] : undefined;
  const name = declared ?? nameHint ?? (typeof charmName === 'string' ? charmName : basename(dir));
  return { name, dir, kind, include, config };
}
