import { dirname, join } from 'node:path';

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
