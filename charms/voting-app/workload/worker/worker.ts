import { backoffDelay } from '../shared/backoff';
import { BallotError, decodeBallot } from '../shared/ballot';
import { describeError, type Logger } from '../shared/log';
import type { BallotSource, BallotStore } from './ports';

export interface WorkerDeps {
  openSource(): Promise<BallotSource>;
  openStore(): Promise<BallotStore>;
  log: Logger;
  /** Waits between reconnection attempts; must resolve early when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  signal: AbortSignal;
  /** Seconds each blocking take waits, bounding how long a quiet worker takes to notice shutdown. */
  pollSeconds?: number;
  /**
   * Entries taken between two looks for entries stranded by dead workers; a quiet worker (a take
   * that timed out) also looks.
   */
  recoverEvery?: number;
}

/**
 * Moves ballots from the source to the store until `signal` aborts, with every ballot saved at
 * least once and counted once:
 * - the source is a reliable queue: an entry stays on this worker's processing list until it is
 *   saved (or dropped as invalid) and acknowledged, so a crash, a kill or a failed save leaves it
 *   there; on every (re)connection, and regularly while running, the worker puts back its own
 *   leftovers and those of workers that stopped (units removed under load);
 * - the store's save is idempotent (one row per voter), so an entry saved but not yet acknowledged
 *   when its worker died is saved again without being counted twice;
 * - on abort the ballot in hand is finished before the connections close, and the unacknowledged
 *   rest is given back.
 *
 * Either side may be down (the database often starts after the worker): every failure closes both
 * connections, logs, waits with exponential backoff and reconnects. An entry that is not a ballot
 * is logged and dropped. Resolves with the number of ballots saved.
 */
export async function runWorker(deps: WorkerDeps): Promise<number> {
  let source: BallotSource | undefined;
  let store: BallotStore | undefined;
  let attempt = 0;
  let saved = 0;
  let sinceRecover = 0;
  const recoverEvery = deps.recoverEvery ?? 100;
  const closeAll = async (): Promise<void> => {
    source?.close();
    await store?.close().catch(() => undefined);
    source = undefined;
    store = undefined;
  };
  const recover = async (from: BallotSource): Promise<void> => {
    sinceRecover = 0;
    const moved = await from.recover();
    if (moved > 0) deps.log(`put ${moved} unacknowledged vote(s) back in the queue`);
  };

  try {
    while (!deps.signal.aborted) {
      try {
        if (!source || !store) {
          source ??= await deps.openSource();
          store ??= await deps.openStore();
          await recover(source);
          deps.log('connected to redis and postgres; waiting for votes');
        }
        attempt = 0;
        if (sinceRecover >= recoverEvery) await recover(source);
        const raw = await source.next(deps.pollSeconds ?? 1, deps.signal);
        if (raw === null) {
          if (!deps.signal.aborted) await recover(source);
          continue;
        }
        sinceRecover += 1;
        let ballot;
        try {
          ballot = decodeBallot(raw);
        } catch (error) {
          if (!(error instanceof BallotError)) throw error;
          deps.log(`dropping invalid entry: ${error.message}`);
          await source.ack(raw);
          continue;
        }
        await store.save(ballot);
        await source.ack(raw);
        saved += 1;
        deps.log(`processed vote ${ballot.vote} for voter ${ballot.voter_id}`);
      } catch (error) {
        if (deps.signal.aborted) break;
        const delay = backoffDelay(attempt);
        attempt += 1;
        deps.log(`${describeError(error)}; reconnecting in ${delay} ms`);
        await closeAll();
        await deps.sleep(delay, deps.signal);
      }
    }
    // Anything taken but not acknowledged goes back for the other workers.
    await source?.release().catch((error: unknown) => deps.log(`could not give back votes: ${describeError(error)}`));
  } finally {
    await closeAll();
  }
  return saved;
}
