import { RxcharmError } from '../../errors';

/** `config.yaml` is malformed: not YAML, no `options` map, or an option with a bad `type`/`default`. */
export class ConfigSchemaError extends RxcharmError {
  constructor(file: string, detail: string, key?: string) {
    super(
      'CONFIG_SCHEMA',
      `invalid config schema: ${file}${key === undefined ? '' : ` (option "${key}")`}: ${detail}`,
      {
        context: { file, key, detail },
      },
    );
  }
}

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
