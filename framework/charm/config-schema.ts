import { CharmFileError } from './charm-file-error';
import { isYamlMap, parseYamlMapText, type YamlMap } from './yaml-map';

/** Option types config.yaml may declare (`secret` is Juju 3's secret-URI string). */
export type ConfigOptionType = 'string' | 'int' | 'float' | 'boolean' | 'secret';

/** A config value after validation; `null` when unset with no default. */
export type ConfigOptionValue = string | number | boolean | null;

export interface ConfigOptionSchema {
  readonly type: ConfigOptionType;
  readonly default: ConfigOptionValue;
  readonly description?: string;
}

/** Options declared by config.yaml, by name. */
export type ConfigSchema = Readonly<Record<string, ConfigOptionSchema>>;

const TYPES: ReadonlySet<string> = new Set(['string', 'int', 'float', 'boolean', 'secret']);

/** Why `value` does not fit `type`, or undefined. `null` always fits (unset). */
export function configTypeProblem(type: ConfigOptionType, value: unknown): string | undefined {
  if (value === null) return undefined;
  switch (type) {
    case 'string':
    case 'secret':
      return typeof value === 'string' ? undefined : `expected a string, got ${JSON.stringify(value)}`;
    case 'int':
      return typeof value === 'number' && Number.isInteger(value)
        ? undefined
        : `expected an int, got ${JSON.stringify(value)}`;
    case 'float':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : `expected a float, got ${JSON.stringify(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected a boolean, got ${JSON.stringify(value)}`;
  }
}

/**
 * Parses config.yaml text with Juju's rules: `options` maps option names to maps whose `type`
 * (default `string`) is one of string, int, float, boolean, secret and whose `default`, when
 * given, is of that type. An absent or empty file means no options.
 *
 * @throws CharmFileError naming the file and the key (`options.<name>.type`...).
 */
export function parseConfigSchema(text: string, file = 'config.yaml'): ConfigSchema {
  return configSchemaFrom(parseYamlMapText(text, file), file);
}

/** {@link parseConfigSchema} on an already parsed document. Pure. */
export function configSchemaFrom(doc: YamlMap, file = 'config.yaml'): ConfigSchema {
  const options = doc.options;
  if (options === undefined || options === null) return {};
  if (!isYamlMap(options)) throw new CharmFileError(file, 'options', 'must be a map of option name to option');
  const out: Record<string, ConfigOptionSchema> = {};
  for (const [key, spec] of Object.entries(options)) {
    if (!isYamlMap(spec)) throw new CharmFileError(file, `options.${key}`, 'must be a map');
    const type = spec.type ?? 'string';
    if (typeof type !== 'string' || !TYPES.has(type)) {
      throw new CharmFileError(
        file,
        `options.${key}.type`,
        `must be one of string, int, float, boolean, secret; got ${JSON.stringify(type)}`,
      );
    }
    const def = spec.default ?? null;
    const problem = configTypeProblem(type as ConfigOptionType, def);
    if (problem !== undefined) throw new CharmFileError(file, `options.${key}.default`, problem);
    out[key] = {
      type: type as ConfigOptionType,
      default: def as ConfigOptionValue,
      ...(typeof spec.description === 'string' ? { description: spec.description } : {}),
    };
  }
  return out;
}
