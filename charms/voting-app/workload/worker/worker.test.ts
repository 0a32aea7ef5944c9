import type { Ballot } from '../shared/ballot';
import type { BallotSource } from './ports';
import { runWorker } from './worker';

/** A scripted list: entries are served in order; `null` means "BLPOP timed out". */
function fakeSource(entries: Array<string | null | Error>, requeued: string[]): BallotSource {
  return {
    async next() {
      const entry = entries.shift();
      if (entry instanceof Error) throw entry;
      return entry ?? null;
    },
    async requeue(raw) {
      requeued.push(raw);
      entries.unshift(raw);
    },
    close: () => undefined,
  };
}

const ballot = (voter: string, vote: 'a' | 'b'): string => JSON.stringify({ voter_id: voter, vote });

describe('runWorker', () => {
  it('moves ballots to the store, drops invalid entries, stops when aborted', async () => {
    const controller = new AbortController();
    const saved: Ballot[] = [];
    const logs: string[] = [];
    const entries: Array<string | null | Error> = [ballot('v1', 'a'), 'garbage', null, ballot('v2', 'b')];
    const count = await runWorker({
      openSource: async () => fakeSource(entries, []),
      openStore: async () => ({
        async save(b) {
          saved.push(b);
          if (saved.length === 2) controller.abort();
        },
        close: async () => undefined,
      }),
      log: (m) => logs.push(m),
      sleep: async () => undefined,
      signal: controller.signal,
    });
    expect(count).toBe(2);
    expect(saved).toEqual([
      { voter_id: 'v1', vote: 'a' },
      { voter_id: 'v2', vote: 'b' },
    ]);
    expect(logs.some((l) => l.includes('dropping invalid entry'))).toBe(true);
  });

  it('retries with growing backoff until the database comes up, losing no ballot', async () => {
    const controller = new AbortController();
    const delays: number[] = [];
    const requeued: string[] = [];
    const saved: Ballot[] = [];
    const entries: Array<string | null | Error> = [ballot('v1', 'a')];
    let storeOpens = 0;
    let saveFailures = 1;
    const count = await runWorker({
      openSource: async () => fakeSource(entries, requeued),
      openStore: async () => {
        storeOpens += 1;
        if (storeOpens <= 3) throw new Error('getaddrinfo ENOTFOUND db');
        return {
          async save(b) {
            if (saveFailures > 0) {
              saveFailures -= 1;
              throw new Error('connection terminated');
            }
            saved.push(b);
            controller.abort();
          },
          close: async () => undefined,
        };
      },
      log: () => undefined,
      sleep: async (ms) => {
        delays.push(ms);
      },
      signal: controller.signal,
    });
    expect(count).toBe(1);
    expect(saved).toEqual([{ voter_id: 'v1', vote: 'a' }]);
    expect(requeued).toEqual([ballot('v1', 'a')]);
    // Three failed opens, then a failed save: the delay doubles each time in a row.
    expect(delays).toEqual([250, 500, 1000, 250]);
  });

  it('reconnects after the source fails', async () => {
    const controller = new AbortController();
    let opens = 0;
    const saved: Ballot[] = [];
    await runWorker({
      openSource: async () => {
        opens += 1;
        return fakeSource(opens === 1 ? [new Error('connection closed')] : [ballot('v9', 'b')], []);
      },
      openStore: async () => ({
        async save(b) {
          saved.push(b);
          controller.abort();
        },
        close: async () => undefined,
      }),
      log: () => undefined,
      sleep: async () => undefined,
      signal: controller.signal,
    });
    expect(opens).toBe(2);
    expect(saved).toEqual([{ voter_id: 'v9', vote: 'b' }]);
  });

  it('returns at once when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const openSource = jest.fn();
    await expect(
      runWorker({
        openSource,
        openStore: jest.fn(),
        log: () => undefined,
        sleep: async () => undefined,
        signal: controller.signal,
      }),
    ).resolves.toBe(0);
    expect(openSource).not.toHaveBeenCalled();
  });
});
