/** One compiled handler file of a layer. */
export interface CharmBundleModule {
  /** Layer name (`basic`, `docker`, the charm's own layer). */
  readonly layer: string;
  /** File inside the layer, e.g. `reactive/app.ts`. */
  readonly file: string;
  /** The module's exports: `Charm` subclasses and `HandlerDefinition`s are registered. */
  readonly exports: Readonly<Record<string, unknown>>;
}

/** An interface package: exports `requires` / `provides` / `peers` Endpoint classes. */
export interface CharmBundleInterface {
  readonly name: string;
  readonly exports: Readonly<Record<string, unknown>>;
}

/**
 * What a built charm's entry passes to `run()`: written by `rxcharm build`.
 *
 * @example
 * ```ts
 * import { run } from 'rxcharm';
 * import * as m0 from '../layers/app/reactive/app';
 * import * as redis from 'interface:redis';
 * run({ charmName: 'app', modules: [{ layer: 'app', file: 'reactive/app.ts', exports: m0 }],
 *       interfaces: [{ name: 'redis', exports: redis }], layerOptions: {} });
 * ```
 */
export interface CharmBundle {
  readonly charmName: string;
  /** In layer order (base layers first), then file order: the handler registration order. */
  readonly modules: readonly CharmBundleModule[];
  readonly interfaces: readonly CharmBundleInterface[];
  /** Merged layer.yaml `options`, by layer. */
  readonly layerOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}
