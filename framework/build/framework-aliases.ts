import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OnResolveResult, PluginBuild } from 'esbuild';

/** The private specifier generated bundle entries import (`framework/internal.ts`). */
export const INTERNAL_SPECIFIER = 'rxcharm:internal';

/**
 * Where each rxcharm entry point a charm may import lives, given the framework barrel
 * (`<pkg>/framework/index.ts`): `rxcharm`, `rxcharm/compose` and the bundles' private
 * {@link INTERNAL_SPECIFIER}. The same map as tsconfig `paths` and the jest preset; `rxcharm/testing`
 * is absent because a charm's bundle never holds the harness. Pure.
 */
export function frameworkAliases(frameworkEntry: string): Readonly<Record<string, string>> {
  const dir = dirname(frameworkEntry);
  return {
    rxcharm: frameworkEntry,
    'rxcharm/compose': join(dir, 'docker', 'index.ts'),
    [INTERNAL_SPECIFIER]: join(dir, 'internal.ts'),
  };
}

/** esbuild `onResolve` filter matching every key of {@link frameworkAliases}. */
export const FRAMEWORK_ALIAS_FILTER = /^rxcharm(\/compose|:internal)?$/;

/** Where a charm's aliases point: the framework barrel, and the directories of its layers and interfaces. */
export interface CharmAliases {
  /** Absolute path of the framework barrel (`<pkg>/framework/index.ts`). */
  readonly framework: string;
  /** Layer name → layer directory (its `lib/index.ts` is `layer:<name>`). */
  readonly layers: Readonly<Record<string, string>>;
  /** Interface name → interface directory (its `index.ts` is `interface:<name>`). */
  readonly interfaces: Readonly<Record<string, string>>;
}

/**
 * Resolves a charm's aliases in an esbuild plugin (the charm build's and the test harness's):
 * the framework's entry points ({@link frameworkAliases}), `layer:<name>` → `<dir>/lib/index.ts`
 * and `interface:<name>` → `<dir>/index.ts`. An alias the charm does not include, or whose file is
 * missing, is a build error that says which.
 */
export function resolveCharmAliases(b: PluginBuild, aliases: CharmAliases): void {
  const entries = frameworkAliases(aliases.framework);
  b.onResolve({ filter: FRAMEWORK_ALIAS_FILTER }, (args) => ({ path: entries[args.path] }));
  const kinds = [
    { prefix: 'layer:', kind: 'layer', dirs: aliases.layers, entry: join('lib', 'index.ts') },
    { prefix: 'interface:', kind: 'interface', dirs: aliases.interfaces, entry: 'index.ts' },
  ];
  for (const { prefix, kind, dirs, entry } of kinds) {
    b.onResolve({ filter: new RegExp(`^${prefix}`) }, (args): OnResolveResult => {
      const dir = dirs[args.path.slice(prefix.length)];
      if (dir === undefined) {
        return {
          errors: [
            { text: `${args.path}: the ${kind} is not included by this charm (add it to includes in layer.yaml)` },
          ],
        };
      }
      const file = join(dir, entry);
      return existsSync(file) ? { path: file } : { errors: [{ text: `${args.path}: ${file} does not exist` }] };
    });
  }
}
