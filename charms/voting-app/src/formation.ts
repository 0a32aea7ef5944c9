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
 * The context `templates/docker-compose.yml` is rendered with (every key present; strict mode).
 * Values are plain data: templating writes each as a YAML scalar and, for a compose file, doubles
 * its `$` so compose never reads a password or host as a variable (`format: 'compose'`).
 */
export function composeContext(input: FormationInput) {
  const { settings, redis, postgres } = input;
  return {
    images: { ...settings.images },
    vote_port: settings.votePort,
    result_port: settings.resultPort,
    redis: redis
      ? { external: true, host: redis.host, port: String(redis.port), password: redis.password ?? null }
      : { external: false, host: 'redis', port: '6379', password: null },
    postgres: postgres
      ? {
          external: true,
          host: postgres.host,
          port: String(postgres.port),
          user: postgres.user,
          password: postgres.password,
          database: postgres.database,
        }
      : {
          external: false,
          host: 'db',
          port: '5432',
          user: 'postgres',
          password: input.bundledDbPassword,
          database: 'postgres',
        },
  };
}

/** `external 10.0.0.1:6379` / `bundled`, for status messages (never includes passwords). */
export function describeFormation(input: Pick<FormationInput, 'redis' | 'postgres'>): string {
  const redis = input.redis ? `external redis ${input.redis.host}:${input.redis.port}` : 'bundled redis';
  const pg = input.postgres
    ? `external postgres ${input.postgres.host}:${input.postgres.port}/${input.postgres.database}`
    : 'bundled postgres';
  return `${redis}, ${pg}`;
}
