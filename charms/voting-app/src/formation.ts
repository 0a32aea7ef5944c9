/**
 * Which services run where: the pure mapping from settings and external services to the compose
 * template's context, and the words the status message uses for it.
 */
import type { Settings } from './settings';

/** Redis as the app should reach it. */
export interface RedisTarget {
  readonly host: string;
  readonly port: number;
  readonly password?: string;
}

/** PostgreSQL as the app should reach it. */
export interface PostgresTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

/** The inputs of one formation. */
export interface FormationInput {
  readonly settings: Settings;
  /** External redis from the `redis` relation, or undefined for the bundled container. */
  readonly redis?: RedisTarget;
  /** External postgres from the `postgres` relation, or undefined for the bundled `db` container. */
  readonly postgres?: PostgresTarget;
  /** Password of the bundled `db` container (generated once per unit and kept). */
  readonly bundledDbPassword: string;
}

/** The services a formation runs. */
export function servicesOf(input: Pick<FormationInput, 'redis' | 'postgres'>): string[] {
  return ['vote', 'worker', 'result', ...(input.redis ? [] : ['redis']), ...(input.postgres ? [] : ['db'])];
}

/**
 * Compose interpolates `$VAR` / `${VAR}` in the file it reads; `$$` is a literal `$`. Relation
 * data and config are data, never variables, so every `$` is doubled.
 */
export function composeLiteral(value: string): string {
  return value.replace(/\$/g, '$$$$');
}

function literals<T extends Record<string, string | boolean | null>>(values: T): T {
  const out: Record<string, string | boolean | null> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' ? composeLiteral(v) : v;
  return out as T;
}

/**
 * The context `templates/docker-compose.yml` is rendered with (every key present; strict mode).
 * String values are compose literals (see {@link composeLiteral}); YAML quoting is templating's job.
 */
export function composeContext(input: FormationInput) {
  const { settings, redis, postgres } = input;
  return {
    images: literals({ ...settings.images }),
    vote_port: settings.votePort,
    result_port: settings.resultPort,
    redis: literals(redis
      ? { external: true, host: redis.host, port: String(redis.port), password: redis.password ?? null }
      : { external: false, host: 'redis', port: '6379', password: null }),
    postgres: literals(postgres
      ? { external: true, host: postgres.host, port: String(postgres.port), user: postgres.user, password: postgres.password, database: postgres.database }
      : { external: false, host: 'db', port: '5432', user: 'postgres', password: input.bundledDbPassword, database: 'postgres' }),
  };
}

/** `external 10.0.0.1:6379` / `bundled`, for status messages (never includes passwords). */
export function describeFormation(input: Pick<FormationInput, 'redis' | 'postgres'>): string {
  const redis = input.redis ? `external redis ${input.redis.host}:${input.redis.port}` : 'bundled redis';
  const pg = input.postgres ? `external postgres ${input.postgres.host}:${input.postgres.port}/${input.postgres.database}` : 'bundled postgres';
  return `${redis}, ${pg}`;
}
