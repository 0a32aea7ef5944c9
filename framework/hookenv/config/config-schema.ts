import type * as Yaml from 'yaml';
import { ConfigSchemaError, ConfigValueError } from './config-errors';

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
 * Parses config.yaml text. An absent or empty file means no options.
 *
 * @throws ConfigSchemaError naming the file and the option.
 */
export function parseConfigSchema(text: string, file = 'config.yaml'): ConfigSchema {
  // Loaded here, not at import: hooks read these files from the parse cache (charm-files.ts).
  const { parseDocument } = require('yaml') as typeof Yaml;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new ConfigSchemaError(file, doc.errors[0]?.message ?? 'invalid YAML');
  const root = doc.toJS() as unknown;
  if (root === null || root === undefined) return {};
  if (typeof root !== 'object' || Array.isArray(root)) throw new ConfigSchemaError(file, 'top level must be a map');
  const options = (root as Record<string, unknown>).options;
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options))
    throw new ConfigSchemaError(file, '`options` must be a map');
  const out: Record<string, ConfigOptionSchema> = {};
  for (const [key, raw] of Object.entries(options as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new ConfigSchemaError(file, 'must be a map', key);
    const spec = raw as Record<string, unknown>;
    const type = spec.type ?? 'string';
    if (typeof type !== 'string' || !TYPES.has(type)) {
      throw new ConfigSchemaError(
        file,
        `type must be one of string, int, float, boolean, secret; got ${JSON.stringify(type)}`,
        key,
      );
    }
    const def = spec.default ?? null;
    const problem = configTypeProblem(type as ConfigOptionType, def);
    if (problem !== undefined) throw new ConfigSchemaError(file, `default: ${problem}`, key);
    out[key] = {
      type: type as ConfigOptionType,
      default: def as ConfigOptionValue,
      ...(typeof spec.description === 'string' ? { description: spec.description } : {}),
    };
  }
  return out;
}

/**
 * Validates the answer of `config-get --all` against the schema: every key must be declared and
 * every value of its type; declared keys missing from the answer take their default.
 *
 * @throws ConfigValueError naming the first offending key (keys in sorted order).
 */
export function validateConfigValues(
  schema: ConfigSchema,
  raw: Readonly<Record<string, unknown>>,
): Record<string, ConfigOptionValue> {
  const out: Record<string, ConfigOptionValue> = {};
  for (const key of Object.keys(raw).sort()) {
    const option = schema[key];
    if (option === undefined) throw new ConfigValueError(key, 'option not declared in config.yaml');
    const problem = configTypeProblem(option.type, raw[key]);
    if (problem !== undefined) throw new ConfigValueError(key, `${problem} (config.yaml declares type ${option.type})`);
    out[key] = raw[key] as ConfigOptionValue;
  }
  for (const key of Object.keys(schema).sort()) if (!(key in out)) out[key] = schema[key]?.default ?? null;
  return out;
}
