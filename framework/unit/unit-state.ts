import type { JsonValue } from './json-value';
import { jsonProblem } from './json-value';

/**
 * Everything a unit remembers between hooks. Triggers are not stored: they are declared in code
 * and registered again by every hook.
 */
export interface UnitState {
  readonly version: 1;
  /** Set flags, sorted. */
  readonly flags: string[];
  /** The key-value store. */
  readonly kv: Record<string, JsonValue>;
  /** Charm config as seen by the last successful hook (for `config.previous`), or null before the first. */
  readonly config: Record<string, JsonValue> | null;
}

/** The state of a unit that never ran a hook. */
export function emptyUnitState(): UnitState {
  return { version: 1, flags: [], kv: {}, config: null };
}

/**
 * Checks that `value` (parsed JSON) is a {@link UnitState}; returns the reason it is not, or
 * `undefined`. Pure, so the store can report corruption precisely.
 */
export function unitStateProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'top level is not an object';
  const v = value as Record<string, unknown>;
  if (v.version !== 1) return `version is ${JSON.stringify(v.version)}, expected 1`;
  if (!Array.isArray(v.flags)) return 'flags is not an array';
  const badFlag = v.flags.findIndex((f) => typeof f !== 'string' || f.length === 0);
  if (badFlag >= 0) return `flags[${badFlag}] is not a non-empty string`;
  if (typeof v.kv !== 'object' || v.kv === null || Array.isArray(v.kv)) return 'kv is not an object';
  const kvProblem = jsonProblem(v.kv, 'kv');
  if (kvProblem !== undefined) return kvProblem;
  if (v.config !== null && (typeof v.config !== 'object' || Array.isArray(v.config))) {
    return 'config is neither an object nor null';
  }
  if (v.config !== null) return jsonProblem(v.config, 'config');
  return undefined;
}
