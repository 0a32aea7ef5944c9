import { randomBytes } from 'node:crypto';
import type { KeyValueStore } from 'rxcharm';

/** What {@link storedSecret} needs: the kv store and secret marking (a `Charm` has both). */
export interface StoredSecretTarget {
  readonly kv: Pick<KeyValueStore, 'get' | 'set'>;
  markSecret(value: string): string;
}

/**
 * A new random secret: 48 hex characters (192 bits). Hex because such values travel as command
 * arguments, YAML scalars, libpq `key=value` strings and URI userinfo, and need no quoting in any.
 */
export function newSecret(): string {
  return randomBytes(24).toString('hex');
}

/**
 * The secret kept under `key` in the unit's kv store, generated on first use. It is marked secret,
 * so no log line, status or error output shows it. Like every kv write it is committed with the
 * hook: a failed hook generates a new one next time rather than keeping one nobody stored.
 *
 * @example
 * ```ts
 * const password = storedSecret(this, 'redis.password');
 * ```
 */
export function storedSecret(charm: StoredSecretTarget, key: string, generate: () => string = newSecret): string {
  let secret = charm.kv.get<string>(key);
  if (typeof secret !== 'string') {
    secret = generate();
    charm.kv.set(key, secret);
  }
  return charm.markSecret(secret);
}
