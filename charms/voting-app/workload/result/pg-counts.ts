import { Pool } from 'pg';
import type { PgSettings } from '../shared/env';
import type { Logger } from '../shared/log';
import { tally, type Tally } from './tally';

const QUERY = 'SELECT vote, COUNT(id) AS count FROM votes GROUP BY vote';
/** Postgres "undefined_table": the worker has not created `votes` yet, so nobody has voted. */
const UNDEFINED_TABLE = '42P01';

/** Reads vote counts through a small pool; connections are opened on demand and re-opened after failures. */
export function pgCounts(settings: PgSettings, log: Logger): { counts(): Promise<Tally>; close(): Promise<void> } {
  const pool = new Pool({
    host: settings.host,
    port: settings.port,
    user: settings.user,
    password: settings.password,
    database: settings.database,
    max: 4,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 10000,
  });
  // An idle client dying (database restart) is reported here; the pool replaces it on next use.
  pool.on('error', (error) => log(`idle postgres connection lost: ${error.message}`));
  return {
    async counts() {
      try {
        const result = await pool.query<{ vote: string; count: string }>(QUERY);
        return tally(result.rows);
      } catch (error) {
        if ((error as { code?: unknown }).code === UNDEFINED_TABLE) return { a: 0, b: 0, total: 0 };
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
