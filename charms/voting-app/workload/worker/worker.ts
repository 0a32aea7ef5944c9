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
  /** Seconds each BLPOP waits, bounding how long a quiet worker takes to notice shutdown. */
  pollSeconds?: number;
}

/**
 * Moves ballots from the source to the store until `signal` aborts. Either side may be down (the
 * database often starts after the worker): every failure closes both connections, logs, waits with
 * exponential backoff and reconnects. A ballot the store refused is put back on the list, so a
 * database outage loses nothing; an entry that is not a ballot is logged and dropped.
 *
 * Resolves with the number of ballots saved.
 */
export async function runWorker(deps: WorkerDeps): Promise<number> {
  let source: BallotSource | undefined;
  let store: BallotStore | undefined;
  let attempt = 0;
  let saved = 0;
  const closeAll = async (): Promise<void> => {
    source?.close();
    await store?.close().catch(() => undefined);
    source = undefined;
    store = undefined;
  };
  const onAbort = (): void => void closeAll();
  deps.signal.addEventListener('abort', onAbort, { once: true });

  try {
    while (!deps.signal.aborted) {
      try {
        if (!source || !store) {
          source ??= await deps.openSource();
          store ??= await deps.openStore();
          deps.log('connected to redis and postgres; waiting for votes');
        }
        attempt = 0;
        const raw = await source.next(deps.pollSeconds ?? 1);
        if (raw === null) continue;
        let ballot;
        try {
          ballot = decodeBallot(raw);
        } catch (error) {
          if (!(error instanceof BallotError)) throw error;
          deps.log(`dropping invalid entry: ${error.message}`);
          continue;
        }
        try {
          await store.save(ballot);
        } catch (error) {
          await source.requeue(raw).catch(() => undefined);
          throw error;
        }
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
  } finally {
    deps.signal.removeEventListener('abort', onAbort);
    await closeAll();
  }
  return saved;
}
