import type { HandlerRegistry } from '../../reactive';
import type {
  bindEndpoints,
  CharmBundle,
  HookOutcome,
  parseCharmMetadata,
  registerBundle,
  RunHookDeps,
} from '../../runtime';

/** What a harness bundle exports. */
export interface HarnessModule {
  readonly runHook: (bundle: CharmBundle, deps: RunHookDeps) => Promise<HookOutcome>;
  readonly bundle: CharmBundle;
  readonly HandlerRegistry: new () => HandlerRegistry;
  readonly registerBundle: typeof registerBundle;
  readonly bindEndpoints: typeof bindEndpoints;
  readonly parseCharmMetadata: typeof parseCharmMetadata;
}

/**
 * Evaluates a harness bundle in a fresh module scope: every call returns new module instances
 * (new classes, new module-level variables), so nothing a run did can leak into the next.
 * npm packages are shared with the host through its `require`.
 */
export function evaluateBundle(code: string, name: string): HarnessModule {
  const module = { exports: {} as Record<string, unknown> };
  // The bundle is our own esbuild output; a Function (not vm) keeps it in the caller's realm, so
  // errors and objects it returns pass `instanceof` and jest's equality checks.
  const fn = new Function(
    'exports',
    'require',
    'module',
    '__filename',
    '__dirname',
    `${code}\n//# sourceURL=rxcharm-testing/${name}.js`,
  );
  fn(module.exports, require, module, `rxcharm-testing/${name}.js`, 'rxcharm-testing');
  return module.exports as unknown as HarnessModule;
}
