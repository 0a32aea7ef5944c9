/**
 * External services from the relations, as formation targets, plus what the operator should be
 * told when a relation exists but has not delivered usable data yet.
 */
import type { PgsqlRequires } from 'interface:pgsql';
import type { RedisRequires } from 'interface:redis';
import type { PostgresTarget, RedisTarget } from './formation';

/** The external services to use, and the relations still waiting for data. */
export interface ExternalServices {
  readonly redis?: RedisTarget;
  readonly postgres?: PostgresTarget;
  readonly waitingFor: readonly string[];
}

/**
 * Reads both relations. The first redis unit with usable data is used (the vote app talks to one
 * Redis; a provider with several units publishes its primary first).
 */
export function readExternalServices(redis: RedisRequires, postgres: PgsqlRequires): ExternalServices {
  const waitingFor: string[] = [];
  const redisUnit = redis.redisData()[0];
  if (redisUnit === undefined && redis.isJoined) waitingFor.push('redis relation data');
  const master = postgres.master;
  if (master === undefined && postgres.isJoined) {
    const key = postgres.waitingFor();
    waitingFor.push(`postgres database credentials${key === undefined ? '' : ` (${key})`}`);
  }
  return {
    ...(redisUnit === undefined
      ? {}
      : {
          redis: {
            host: redisUnit.host,
            port: redisUnit.port,
            ...(redisUnit.password === undefined ? {} : { password: redisUnit.password }),
          },
        }),
    ...(master === undefined
      ? {}
      : {
          postgres: {
            host: master.host,
            port: master.port,
            user: master.user,
            password: master.password,
            database: master.dbname,
          },
        }),
    waitingFor,
  };
}
