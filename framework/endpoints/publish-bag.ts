import type { JsonValue } from '../unit';
import type { RelationData } from '../hookenv';
import { decodeBagValue } from './received-bag';

function stable(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(stable);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const k of Object.keys(value).sort()) out[k] = stable(value[k] as JsonValue);
    return out;
  }
  return value;
}

/**
 * This unit's (or, for the leader, its application's) outgoing data in one relation.
 *
 * Writes are buffered; the runtime sends the difference with `relation-set` only after every
 * handler succeeded, so a failed hook publishes nothing. `set` stores JSON (keys sorted, so equal
 * values encode equally); `setRaw` stores a plain string for non-rxcharm peers.
 */
export class PublishBag {
  readonly #initial: Readonly<Record<string, string>>;
  readonly #data: Record<string, string>;
  readonly #guard: () => void;

  /** `guard` runs before every write (the app bag uses it to refuse non-leaders). */
  constructor(initial: RelationData, guard: () => void = () => undefined) {
    this.#initial = Object.freeze({ ...initial });
    this.#data = { ...initial };
    this.#guard = guard;
  }

  /** Publishes `value` as JSON under `key`; `null`/`undefined` removes the key. */
  set(key: string, value: JsonValue | undefined): void {
    if (value === undefined || value === null) this.delete(key);
    else this.setRaw(key, JSON.stringify(stable(value)));
  }

  /** Publishes a raw string (no JSON encoding); `''` removes the key, as in Juju. */
  setRaw(key: string, value: string): void {
    this.#guard();
    if (value === '') delete this.#data[key];
    else this.#data[key] = value;
  }

  delete(key: string): void {
    this.#guard();
    delete this.#data[key];
  }

  /** The decoded value currently staged under `key` (raw string if not JSON). */
  get(key: string): JsonValue | undefined {
    const raw = this.#data[key];
    return raw === undefined ? undefined : decodeBagValue(raw);
  }

  raw(key: string): string | undefined {
    return this.#data[key];
  }

  keys(): string[] {
    return Object.keys(this.#data).sort();
  }

  /**
   * What `relation-set` must send: changed and new keys with their value, removed keys as `''`.
   * Empty when nothing changed. Pure.
   */
  diff(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.#data)) if (this.#initial[k] !== v) out[k] = v;
    for (const k of Object.keys(this.#initial)) if (!(k in this.#data)) out[k] = '';
    return out;
  }
}
