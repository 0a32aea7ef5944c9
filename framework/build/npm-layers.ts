import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A layer or interface layer that an installed npm package declares (`"rxcharm": { "layer": "mysql" }`). */
export interface NpmLayer {
  readonly kind: 'layer' | 'interface';
  /** The name includes use: `layer:<name>` or `interface:<name>`. */
  readonly name: string;
  /** The package directory, which is the layer directory. */
  readonly dir: string;
  /** The npm package name, for messages. */
  readonly packageName: string;
}

/**
 * Reads the declaration of one package.json: `"rxcharm": { "layer": "<name>" }` or
 * `{ "interface": "<name>" }`. Pure; anything else (no `rxcharm` key, other shapes) is no layer.
 */
export function npmLayerOf(manifest: unknown, dir: string): NpmLayer | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const { name, rxcharm } = manifest as { name?: unknown; rxcharm?: unknown };
  if (typeof rxcharm !== 'object' || rxcharm === null) return undefined;
  const packageName = typeof name === 'string' ? name : dir;
  const declared = rxcharm as { layer?: unknown; interface?: unknown };
  if (typeof declared.layer === 'string') return { kind: 'layer', name: declared.layer, dir, packageName };
  if (typeof declared.interface === 'string') return { kind: 'interface', name: declared.interface, dir, packageName };
  return undefined;
}

/**
 * The layers and interfaces declared by the packages installed in `<projectRoot>/node_modules`
 * (scoped packages included), in directory order. A package.json that does not parse is skipped:
 * it cannot declare anything.
 */
export function findNpmLayers(projectRoot: string): NpmLayer[] {
  const modules = join(projectRoot, 'node_modules');
  if (!existsSync(modules)) return [];
  const dirs: string[] = [];
  for (const entry of readdirSync(modules).sort()) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      for (const scoped of readdirSync(join(modules, entry)).sort()) dirs.push(join(modules, entry, scoped));
    } else {
      dirs.push(join(modules, entry));
    }
  }
  const found: NpmLayer[] = [];
  for (const dir of dirs) {
    const manifest = join(dir, 'package.json');
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(manifest, 'utf8'));
    } catch {
      continue;
    }
    const layer = npmLayerOf(parsed, dir);
    if (layer !== undefined) found.push(layer);
  }
  return found;
}
