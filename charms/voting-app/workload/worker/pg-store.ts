import { Client } from 'pg';
import type { PgSettings } from '../shared/env';
import type { BallotStore } from './ports';

/** The table the classic voting app uses: one row per voter holding their latest choice. */
const CREATE = 'CREATE TABLE IF NOT EXISTS votes (id text PRIMARY KEY, vote text NOT NULL)';
/** When the voter's choice was queued; a table made by an older worker (or the classic one) gains it. */
const ADD_CAST_AT = 'ALTER TABLE votes ADD COLUMN IF NOT EXISTS cast_at bigint';
/**
 * One row per voter; a ballot queued before the stored one (delivered again after its worker died)
 * leaves the row alone. Ballots without a time always win, as before.
 */
const UPSERT = `INSERT INTO votes (id, vote, cast_at) VALUES ($1, $2, $3)
  ON CONFLICT (id) DO UPDATE SET vote = EXCLUDED.vote, cast_at = EXCLUDED.cast_at
  WHERE votes.cast_at IS NULL OR EXCLUDED.cast_at IS NULL OR EXCLUDED.cast_at >= votes.cast_at`;

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
    await client.query(ADD_CAST_AT);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    async save(ballot) {
      if (broken) throw broken;
      await client.query(UPSERT, [ballot.voter_id, ballot.vote, ballot.cast_at ?? null]);
    },
    close: () => client.end(),
  };
}
