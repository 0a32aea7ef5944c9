import { configTypeProblem, type ConfigOptionValue, type ConfigSchema } from '../../charm';
import { ConfigValueError } from './config-errors';

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
