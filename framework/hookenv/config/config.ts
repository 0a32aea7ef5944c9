import { UnknownConfigKeyError } from './config-errors';
import type { ConfigOptionValue, ConfigSchema } from '../../charm';

/**
 * The charm's config for this hook: current values (validated against config.yaml) and the
 * values of the last successful hook.
 *
 * Reading an option config.yaml does not declare throws {@link UnknownConfigKeyError}: a typo
 * must fail loudly, not read `undefined`.
 */
export class Config {
  readonly #schema: ConfigSchema;
  readonly #current: Readonly<Record<string, ConfigOptionValue>>;
  readonly #previous: Readonly<Record<string, ConfigOptionValue>> | null;

  constructor(
    schema: ConfigSchema,
    current: Readonly<Record<string, ConfigOptionValue>>,
    previous: Readonly<Record<string, ConfigOptionValue>> | null,
  ) {
    this.#schema = schema;
    this.#current = Object.freeze({ ...current });
    this.#previous = previous === null ? null : Object.freeze({ ...previous });
  }

  /** The current value of `key` (its default, or `null`, when unset). */
  get<T extends ConfigOptionValue = ConfigOptionValue>(key: string): T {
    this.#check(key);
    return (this.#current[key] ?? null) as T;
  }

  /** The value `key` had at the end of the last successful hook; `null` in the first hook. */
  previous<T extends ConfigOptionValue = ConfigOptionValue>(key: string): T | null {
    this.#check(key);
    return (this.#previous?.[key] ?? null) as T | null;
  }

  /** Whether `key` differs from the last successful hook (always true in the first hook). */
  changed(key: string): boolean {
    this.#check(key);
    if (this.#previous === null || !(key in this.#previous)) return true;
    return (this.#previous[key] ?? null) !== (this.#current[key] ?? null);
  }

  /** Whether this is the first hook that sees config (no snapshot yet). */
  get first(): boolean {
    return this.#previous === null;
  }

  /** All current values (a frozen copy). */
  all(): Readonly<Record<string, ConfigOptionValue>> {
    return this.#current;
  }

  /** The declared default of `key`. */
  default(key: string): ConfigOptionValue {
    this.#check(key);
    return this.#schema[key]?.default ?? null;
  }

  #check(key: string): void {
    if (!(key in this.#schema)) throw new UnknownConfigKeyError(key, Object.keys(this.#schema).sort());
  }
}
