import { RxcharmError } from '../errors';

/**
 * Base class of every error `rxcharm build`, `proof`, `create` and `pack` raise.
 * The CLI maps any `BuildError` to exit code 200.
 */
export class BuildError extends RxcharmError {}

/** An include (`layer:X`, `interface:X` or a path) that no search-path entry provides. */
export class LayerNotFoundError extends BuildError {
  constructor(include: string, requiredBy: string, searched: readonly string[], file?: string) {
    super(
      'LAYER_NOT_FOUND',
      `layer not found: ${include}\n  included by ${requiredBy}\n  searched: ${searched.length > 0 ? searched.join(', ') : '(nothing)'}` +
        '\n  set CHARM_LAYERS_DIR / CHARM_INTERFACES_DIR to add directories',
      { context: { include, requiredBy, searched, file } },
    );
  }
}

/** A `layer:X` or `interface:X` found in two places (a directory and an npm package, or two packages). */
export class LayerConflictError extends BuildError {
  constructor(
    include: string,
    readonly places: readonly string[],
  ) {
    super(
      'LAYER_CONFLICT',
      `layer found in two places: ${include}\n  ${places.join('\n  ')}\n  remove one, or rename the layer one of them declares`,
      { context: { include, places } },
    );
  }
}

/** Layers that include each other; `chain` lists the layer names from the first to the repeat. */
export class IncludeCycleError extends BuildError {
  constructor(readonly chain: readonly string[]) {
    super('INCLUDE_CYCLE', `include cycle: ${chain.join(' -> ')}`, { context: { chain } });
  }
}

/** A YAML or JSON file of a layer that does not parse or has the wrong shape. */
export class LayerFileError extends BuildError {
  constructor(file: string, message: string, line?: number, cause?: unknown) {
    super('LAYER_FILE_INVALID', `invalid layer file: ${file}${line === undefined ? '' : `:${line}`}\n  ${message}`, {
      context: { file, line },
      cause,
    });
  }
}

/** Layer `options` that do not satisfy the `defines` schema of the layer they configure. */
export class LayerOptionsError extends BuildError {
  constructor(layer: string, problems: readonly string[]) {
    super('LAYER_OPTIONS_INVALID', `invalid layer options: ${layer}\n  ${problems.join('\n  ')}`, {
      context: { layer, problems },
    });
  }
}

/** The output directory holds files changed by hand since the last build (rebuild without `--force`). */
export class OutputModifiedError extends BuildError {
  constructor(
    dir: string,
    readonly conflicts: readonly string[],
  ) {
    super(
      'OUTPUT_MODIFIED',
      `output modified by hand: ${dir}\n  ${conflicts.join('\n  ')}\n  rebuild with --force to overwrite`,
      { context: { dir, conflicts } },
    );
  }
}

/** esbuild could not bundle the charm's reactive code. */
export class BundleError extends BuildError {
  constructor(messages: readonly string[], cause?: unknown) {
    super('BUNDLE_FAILED', `bundle failed: lib/charm.js\n  ${messages.join('\n  ')}`, { context: { messages }, cause });
  }
}

/** A charm or layer directory that cannot be used (missing, no metadata.yaml, bad name...). */
export class CharmDirError extends BuildError {
  constructor(dir: string, message: string) {
    super('CHARM_DIR_INVALID', `cannot use directory: ${dir}\n  ${message}`, { context: { dir } });
  }
}
