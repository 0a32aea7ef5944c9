import type { RedisSettings } from '../shared/env';
import { RedisConnection } from '../shared/redis-client';
import type { BallotSource } from './ports';

/** Opens a BallotSource over the Redis list `list` (BLPOP to take, LPUSH to give back). */
export async function openRedisSource(settings: RedisSettings, list = 'votes'): Promise<BallotSource> {
  const connection = await RedisConnection.open(settings);
  return {
    async next(timeoutSeconds) {
      const reply = await connection.command(['BLPOP', list, String(timeoutSeconds)]);
      if (reply.kind !== 'array' || reply.value === null) return null;
      const value = reply.value[1];
      return value?.kind === 'bulk' ? value.value : null;
    },
    async requeue(raw) {
      await connection.command(['LPUSH', list, raw]);
    },
    close: () => connection.close(),
  };
}
