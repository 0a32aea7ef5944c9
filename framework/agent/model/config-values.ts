import { ConfigValidationError } from '../errors';
import type { ConfigOption, ConfigValue } from './types';

const TRUE_WORDS = new Set(['true', 'True', 'TRUE', 'yes', 'on', '1', 't', 'T']);
const FALSE_WORDS = new Set(['false', 'False', 'FALSE', 'no', 'off', '0', 'f', 'F']);

/** Result of converting one `key=value` argument. */
type Parsed = { ok: true; value: ConfigValue } | { ok: false; problem: string };

/** Converts one operator-supplied string to the option's type (pure). */
export function parseConfigValue(key: string, option: ConfigOption, raw: string): Parsed {
  switch (option.type) {
    case 'string':
    case 'secret':
      return { ok: true, value: raw };
    case 'int': {
      const text = raw.trim();
      if (!/^[-+]?\d+$/.test(text)) return { ok: false, problem: `${key}: expected int, got ${JSON.stringify(raw)}` };
      return { ok: true, value: Number.parseInt(text, 10) };
    }
    case 'float': {
      const text = raw.trim();
      const value = Number(text);
      if (text === '' || !Number.isFinite(value))
        return { ok: false, problem: `${key}: expected float, got ${JSON.stringify(raw)}` };
      return { ok: true, value };
    }
    case 'boolean':
      if (TRUE_WORDS.has(raw.trim())) return { ok: true, value: true };
      if (FALSE_WORDS.has(raw.trim())) return { ok: true, value: false };
      return { ok: false, problem: `${key}: expected boolean, got ${JSON.stringify(raw)}` };
  }
}

/** Splits `key=value` arguments; a missing `=` or an empty key is a problem. */
export function splitAssignments(args: readonly string[]): { pairs: Array<[string, string]>; problems: string[] } {
  const pairs: Array<[string, string]> = [];
  const problems: string[] = [];
  for (const arg of args) {
    const at = arg.indexOf('=');
    if (at <= 0) {
      problems.push(`expected "key=value", got ${JSON.stringify(arg)}`);
      continue;
    }
    pairs.push([arg.slice(0, at), arg.slice(at + 1)]);
  }
  return { pairs, problems };
}

/**
 * Validates `key=value` assignments against a charm's options and returns the typed values.
 * Every problem is collected, so the operator sees all of them at once.
 *
 * @throws ConfigValidationError naming each unknown key and wrong-typed value; nothing is applied.
 */
export function validateConfigAssignments(
  app: string,
  options: Readonly<Record<string, ConfigOption>>,
  args: readonly string[],
): Record<string, ConfigValue> {
  const { pairs, problems } = splitAssignments(args);
  const values: Record<string, ConfigValue> = {};
  for (const [key, raw] of pairs) {
    const option = options[key];
    if (option === undefined) {
      const known = Object.keys(options).sort();
      problems.push(`${key}: unknown option (the charm has: ${known.length ? known.join(', ') : 'no options'})`);
      continue;
    }
    const parsed = parseConfigValue(key, option, raw);
    if (parsed.ok) values[key] = parsed.value;
    else problems.push(parsed.problem);
  }
  if (problems.length > 0) throw new ConfigValidationError(app, problems);
  return values;
}

/** Effective config of an application: defaults overlaid by the values the operator set. */
export function effectiveConfig(
  options: Readonly<Record<string, ConfigOption>>,
  set: Readonly<Record<string, ConfigValue>>,
): Record<string, ConfigValue> {
  const result: Record<string, ConfigValue> = {};
  for (const [key, option] of Object.entries(options)) result[key] = key in set ? (set[key] ?? null) : option.default;
  return result;
}
