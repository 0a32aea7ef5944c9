import { CharmFileError } from '../charm';
import { RxcharmError } from '../errors';

/**
 * metadata.yaml is missing or malformed. The charm-file reader's one error,
 * {@link CharmFileError}, under the name hooks have caught it by.
 *
 * @deprecated Catch {@link CharmFileError}.
 */
export const CharmMetadataError = CharmFileError;
/** @deprecated Use {@link CharmFileError}. */
export type CharmMetadataError = CharmFileError;

/** Runtime API (`layerOption`, `new Charm()`) used outside a running hook. */
export class NoActiveHookError extends RxcharmError {
  constructor(what: string) {
    super('NO_ACTIVE_HOOK', `no active hook: ${what} can only be used while rxcharm runs a hook (inside a handler)`, {
      context: { what },
    });
  }
}

/** A layer option that the built charm's layer.yaml does not define. */
export class LayerOptionError extends RxcharmError {
  constructor(layer: string, key: string, known: readonly string[]) {
    super('LAYER_OPTION', `unknown layer option: ${layer}.${key} (defined: ${known.join(', ') || 'none'})`, {
      context: { layer, key, known },
    });
  }
}

/** An action ran but no `@action` handler matched it. */
export class ActionNotImplementedError extends RxcharmError {
  constructor(action: string) {
    super(
      'ACTION_NOT_IMPLEMENTED',
      `action not implemented: ${action} (no @action('${action}') handler is registered)`,
      { context: { action } },
    );
  }
}
