/**
 * Environment contract of the workload images (see ../README.md). Pure functions over an env
 * object so they can be tested without touching process.env.
 */

export type Env = Readonly<Record<string, string | undefined>>;

/** A bad environment value; the process logs it and exits with status 2 before serving anything. */
export class WorkloadConfigError extends Error {
  override readonly name = 'WorkloadConfigError';
}

export interface RedisSettings {
  host: string;
  port: number;
  password?: string;
}

export interface PgSettings {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/** The value of `name`, or `fallback` when unset or empty (compose renders absent values as ''). */
export function text(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

/** A TCP port from `name`: an integer in 1..65535, `fallback` when unset or empty. */
export function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || value < 1 || value > 65535) {
    throw new WorkloadConfigError(`${name}='${raw}' is not a TCP port (expected 1-65535)`);
  }
  return value;
}

/** REDIS_HOST (default `redis`), REDIS_PORT (6379), REDIS_PASSWORD (none). */
export function redisSettings(env: Env): RedisSettings {
  const password = env.REDIS_PASSWORD;
  return {
    host: text(env, 'REDIS_HOST', 'redis'),
    port: port(env, 'REDIS_PORT', 6379),
    ...(password ? { password } : {}),
  };
}

/** PG_HOST (default `db`), PG_PORT (5432), PG_USER / PG_PASS / PG_DB (postgres, '', postgres). */
export function pgSettings(env: Env): PgSettings {
  return {
    host: text(env, 'PG_HOST', 'db'),
    port: port(env, 'PG_PORT', 5432),
    user: text(env, 'PG_USER', 'postgres'),
    password: env.PG_PASS ?? '',
    database: text(env, 'PG_DB', 'postgres'),
  };
}

/** The two choices shown by vote and result: OPTION_A / OPTION_B, default Cats / Dogs. */
export function options(env: Env): { a: string; b: string } {
  return { a: text(env, 'OPTION_A', 'Cats'), b: text(env, 'OPTION_B', 'Dogs') };
}
