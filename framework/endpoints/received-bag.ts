import type { JsonValue } from '../unit';
import type { RelationData } from '../hookenv';
import { MalformedRelationDataError } from './endpoint-errors';

/**
 * A bag value as `get` reads it, in both bags: JSON-decoded when it is JSON (what Endpoint-era
 * charms publish), else the raw string (what older charms and Juju itself write).
 */
export function decodeBagValue(raw: string): JsonValue {
  try {
    return JSON.parse(raw) as JsonValue;
  } catch {
    return raw;
  }
}

/** Where a bag comes from, for error messages. */
export interface BagOrigin {
  readonly endpoint: string;
  readonly relationId: string;
  /** Unit or application name. */
  readonly unit: string;
}

/**
 * Read-only view of a remote data bag. Juju stores strings; rxcharm interfaces publish JSON.
 *
 * `get` decodes JSON and falls back to the raw string when the value is not JSON (so bags
 * written by non-rxcharm charms, e.g. `host=10.0.0.1`, read naturally). `json` is the strict form
 * that fails with {@link MalformedRelationDataError} naming endpoint, relation, unit and key.
 */
export class ReceivedBag {
  readonly #data: RelationData;
  readonly #origin: BagOrigin;

  constructor(data: RelationData, origin: BagOrigin) {
    this.#data = Object.freeze({ ...data });
    this.#origin = origin;
  }

  /** The decoded value of `key`, the raw string if it is not JSON, or undefined. */
  get<T extends JsonValue = JsonValue>(key: string): T | string | undefined {
    const raw = this.#data[key];
    return raw === undefined ? undefined : (decodeBagValue(raw) as T | string);
  }

  /** The value of `key` parsed as JSON; undefined if absent. @throws MalformedRelationDataError */
  json<T extends JsonValue = JsonValue>(key: string): T | undefined {
    const raw = this.#data[key];
    if (raw === undefined) return undefined;
    try {
      return JSON.parse(raw) as T;
    } catch (e) {
      throw new MalformedRelationDataError({ ...this.#origin, key }, `not JSON: ${(e as Error).message}`);
    }
  }

  /** The stored string of `key`. */
  raw(key: string): string | undefined {
    return this.#data[key];
  }

  has(key: string): boolean {
    return key in this.#data;
  }

  /** Keys, sorted. */
  keys(): string[] {
    return Object.keys(this.#data).sort();
  }

  /** The raw string map (a frozen copy). */
  toRaw(): RelationData {
    return this.#data;
  }

  get origin(): BagOrigin {
    return this.#origin;
  }
}
