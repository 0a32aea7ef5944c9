import { Client } from 'pg';
import type { PgSettings } from '../shared/env';
import type { BallotStore } from './ports';

/** The table the classic voting app uses: one row per voter holding their latest choice. */
const CREATE = 'CREATE TABLE IF NOT EXISTS votes (id text PRIMARY KEY, vote text NOT NULL)';
const UPSERT = 'INSERT INTO votes (id, vote) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET vote = EXCLUDED.vote';

/** Connects, creates the `votes` table when missing and returns a BallotStore over it. */
export async function openPgStore(settings: PgSettings): Promise<BallotStore> {
  const client = new Client({
    host: settings.host,
    port: settings.port,
    user: settings.user,
    password: settings.password,
    database: settings.database,
    connectionTimeoutMillis: 5000,
  });
  let broken: Error | undefined;
  // An idle connection that dies emits 'error'; unhandled, that would crash the process.
  client.on('error', (error) => {
    broken = error;
  });
  try {
    await client.connect();
    await client.query(CREATE);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    async save(ballot) {
      if (broken) throw broken;
      await client.query(UPSERT, [ballot.voter_id, ballot.vote]);
    },
    close: () => client.end(),
  };
}
