import { jsonProblem, type JsonValue } from './json-value';
import { KvValueError } from './unit-errors';

/**
 * The unit's key-value store: JSON values by string key, committed with the hook's flags.
 *
 * Values are copied in and out, so mutating an object after `set` (or one returned by `get`)
 * never changes the store behind the transaction's back.
 */
export class KeyValueStore {
  private readonly data: Map<string, JsonValue>;

  constructor(initial: Record<string, JsonValue> = {}) {
    this.data = new Map(Object.entries(initial));
  }

  /** The value stored under `key`, or `undefined`. */
  get<T extends JsonValue = JsonValue>(key: string): T | undefined {
    const v = this.data.get(key);
    return (v === undefined ? undefined : structuredClone(v)) as T | undefined;
  }

  /** Whether `key` holds a value. */
  has(key: string): boolean {
    return this.data.has(key);
  }

  /** Stores `value` under `key`; throws {@link KvValueError} if it is not plain JSON. */
  set(key: string, value: JsonValue): void {
    const problem = jsonProblem(value);
    if (problem !== undefined) throw new KvValueError(key, problem);
    this.data.set(key, structuredClone(value));
  }

  /** Removes `key`; returns true if it held a value. */
  unset(key: string): boolean {
    return this.data.delete(key);
  }

  /** Keys starting with `prefix` (exact prefix, no wildcards), sorted. */
  keys(prefix = ''): string[] {
    return [...this.data.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  /** A plain-object copy with sorted keys, as persisted. */
  toJSON(): Record<string, JsonValue> {
    const out: Record<string, JsonValue> = {};
    for (const k of [...this.data.keys()].sort()) out[k] = structuredClone(this.data.get(k) as JsonValue);
    return out;
  }
}
