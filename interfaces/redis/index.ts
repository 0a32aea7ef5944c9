/**
 * `interface:redis`: connect a charm to Redis.
 *
 * - requires ({@link RedisRequires}): flags `{endpoint_name}.connected`, `{endpoint_name}.available`;
 *   `redisData()` → `[{ host, port, password?, uri, unit }]`, one fresh object per unit.
 * - provides ({@link RedisProvides}): flag `{endpoint_name}.connected`; `configure({ host, port, password })`.
 *
 * See docs/interfaces.md for the wire format.
 */
export { RedisRequires } from './requires';
export { RedisProvides } from './provides';
export type { RedisConfiguration } from './provides';
export { readRedisUnits, readRedisUnit, redisUri } from './redis-data';
export type { RedisConnection, RedisReading } from './redis-data';
export type { DataProblem, RemoteUnitData } from 'rxcharm';

import { RedisProvides } from './provides';
import { RedisRequires } from './requires';

/** The role classes the runtime instantiates per endpoint. */
export const requires = RedisRequires;
export const provides = RedisProvides;
