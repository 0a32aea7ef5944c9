import { CharmFileError } from '../../charm';
import { RxcharmError } from '../../errors';

/**
 * `config.yaml` is malformed. The charm-file reader's one error, {@link CharmFileError}, under
 * the name hooks have caught it by.
 *
 * @deprecated Catch {@link CharmFileError}.
 */
export const ConfigSchemaError = CharmFileError;
/** @deprecated Use {@link CharmFileError}. */
export type ConfigSchemaError = CharmFileError;

/** A config value from Juju does not match its declared type, or names an undeclared option. */
export class ConfigValueError extends RxcharmError {
  readonly key: string;

  constructor(key: string, detail: string) {
    super('CONFIG_VALUE', `invalid config value: ${key}: ${detail}`, { context: { key, detail } });
    this.key = key;
  }
}

/** Charm code asked for an option config.yaml does not declare. */
export class UnknownConfigKeyError extends RxcharmError {
  readonly key: string;

  constructor(key: string, known: readonly string[]) {
    super('CONFIG_UNKNOWN_KEY', `unknown config option: ${key} (config.yaml declares: ${known.join(', ') || 'none'})`, {
      context: { key, known },
    });
    this.key = key;
  }
}
