import type { HookOutcome, RunHookDeps } from '../../runtime';
import type { CharmBundle } from '../../runtime';
import type { DockerClient } from '../../docker';
import { HARNESS_GLOBAL } from './harness-bundle';

/** What a harness bundle exports. */
export interface HarnessModule {
  readonly runHook: (bundle: CharmBundle, deps: RunHookDeps) => Promise<HookOutcome>;
  readonly bundle: CharmBundle;
}

/** The host services a bundle reaches through its seam. */
export interface HarnessHost {
  docker(options: { readonly host?: string }): DockerClient;
}

/**
 * Evaluates a harness bundle in a fresh module scope: every call returns new module instances
 * (new classes, new module-level variables), so nothing a run did can leak into the next.
 * npm packages are shared with the host through its `require`.
 */
export function evaluateBundle(code: string, name: string, host: HarnessHost): HarnessModule {
  const module = { exports: {} as Record<string, unknown> };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the bundle is our own esbuild output
  const fn = new Function('exports', 'require', 'module', '__filename', '__dirname', HARNESS_GLOBAL, `${code}\n//# sourceURL=rxcharm-testing/${name}.js`);
  fn(module.exports, require, module, `rxcharm-testing/${name}.js`, 'rxcharm-testing', host);
  return module.exports as unknown as HarnessModule;
}
