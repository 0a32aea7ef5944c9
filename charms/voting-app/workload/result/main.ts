/**
 * result: shows the tally from the Postgres table `votes`. Listens on PORT (default 80).
 * Environment: PG_HOST, PG_PORT, PG_USER, PG_PASS, PG_DB, OPTION_A, OPTION_B, PORT.
 */
import { createServer } from 'node:http';
import { options, pgSettings, port } from '../shared/env';
import { closeServer } from '../shared/http';
import { describeError, makeLogger } from '../shared/log';
import { exitOnSignals } from '../shared/shutdown';
import { createResultApp } from './app';
import { pgCounts } from './pg-counts';

const log = makeLogger('result');

function main(): void {
  const pg = pgSettings(process.env);
  const listenPort = port(process.env, 'PORT', 80);
  const store = pgCounts(pg, log);
  const handle = createResultApp({ options: options(process.env), counts: () => store.counts(), log });
  const server = createServer((req, res) => void handle(req, res));
  server.listen(listenPort, () => {
    log(`listening on port ${listenPort}; postgres ${pg.user}@${pg.host}:${pg.port}/${pg.database}`);
  });
  exitOnSignals(log, async () => {
    await closeServer(server);
    await store.close();
  });
}

try {
  main();
} catch (error) {
  log(`fatal: ${describeError(error)}`);
  process.exit(2);
}
