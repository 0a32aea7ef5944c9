/**
 * vote: the voting front end. Listens on PORT (default 80) and pushes each ballot onto the Redis
 * list `votes`. Environment: REDIS_HOST, REDIS_PORT, REDIS_PASSWORD, OPTION_A, OPTION_B, PORT.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { hostname } from 'node:os';
import { options, port, redisSettings } from '../shared/env';
import { drainServer } from '../shared/http';
import { describeError, makeLogger } from '../shared/log';
import { exitOnSignals } from '../shared/shutdown';
import { createVoteApp } from './app';
import { BallotQueue } from './redis-queue';

const log = makeLogger('vote');

function main(): void {
  const redis = redisSettings(process.env);
  const listenPort = port(process.env, 'PORT', 80);
  const queue = new BallotQueue(redis);
  const handle = createVoteApp({
    options: options(process.env),
    hostname: hostname(),
    push: (ballot) => queue.push(ballot),
    newVoterId: () => randomBytes(8).toString('hex'),
    log,
  });
  const server = createServer((req, res) => void handle(req, res));
  server.listen(listenPort, () => {
    log(
      `listening on port ${listenPort}; redis at ${redis.host}:${redis.port}${redis.password ? ' (with password)' : ''}`,
    );
  });
  // In-flight votes are answered (and pushed) before the Redis connection closes.
  exitOnSignals(log, async () => {
    await drainServer(server, 2000);
    queue.close();
  });
}

try {
  main();
} catch (error) {
  log(`fatal: ${describeError(error)}`);
  process.exit(2);
}
