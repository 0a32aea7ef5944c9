/**
 * worker: moves ballots from the Redis list `votes` into the Postgres table `votes`.
 * Environment: REDIS_HOST, REDIS_PORT, REDIS_PASSWORD, PG_HOST, PG_PORT, PG_USER, PG_PASS, PG_DB.
 */
import { hostname } from 'node:os';
import { sleep } from '../shared/backoff';
import { pgSettings, redisSettings } from '../shared/env';
import { describeError, makeLogger } from '../shared/log';
import { exitOnSignals } from '../shared/shutdown';
import { openPgStore } from './pg-store';
import { openRedisSource } from './redis-source';
import { runWorker } from './worker';

const log = makeLogger('worker');

function main(): void {
  const redis = redisSettings(process.env);
  const pg = pgSettings(process.env);
  const controller = new AbortController();
  log(
    `starting as ${hostname()}: redis ${redis.host}:${redis.port}, postgres ${pg.user}@${pg.host}:${pg.port}/${pg.database}`,
  );
  const done = runWorker({
    openSource: () => openRedisSource(redis, { workerId: hostname() }),
    openStore: () => openPgStore(pg),
    log,
    sleep,
    signal: controller.signal,
  });
  exitOnSignals(log, async () => {
    controller.abort();
    await done;
  });
  done.catch((error: unknown) => {
    log(`fatal: ${describeError(error)}`);
    process.exit(1);
  });
}

try {
  main();
} catch (error) {
  log(`fatal: ${describeError(error)}`);
  process.exit(2);
}
