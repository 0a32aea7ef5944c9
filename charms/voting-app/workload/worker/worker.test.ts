import type { Ballot } from '../shared/ballot';
import type { BallotSource, BallotStore } from './ports';
import { runWorker, type WorkerDeps } from './worker';

/**
 * An in-memory reliable queue shared by several workers, with the semantics of the Redis source:
 * taking moves an entry to the worker's processing list, ack removes it, recover gives back the
 * worker's own leftovers and those of workers marked dead.
 */
class FakeQueue {
  readonly queue: string[] = [];
  readonly processing = new Map<string, string[]>();
  readonly dead = new Set<string>();
  /** Scripted failures of `next`, consumed in order per worker. */
  readonly failures = new Map<string, Error[]>();

  source(worker: string): BallotSource {
    const mine = (): string[] => {
      const list = this.processing.get(worker) ?? [];
      this.processing.set(worker, list);
      return list;
    };
    const drain = (list: string[]): number => {
      const n = list.length;
      this.queue.unshift(...list.splice(0));
      return n;
    };
    return {
      next: async () => {
        const failure = this.failures.get(worker)?.shift();
        if (failure) throw failure;
        const raw = this.queue.shift();
        if (raw === undefined) return null;
        mine().push(raw);
        return raw;
      },
      ack: async (raw) => {
        const list = mine();
        list.splice(list.indexOf(raw), 1);
      },
      recover: async () => {
        let moved = drain(mine());
        for (const [owner, list] of this.processing) if (this.dead.has(owner)) moved += drain(list);
        return moved;
      },
      release: async () => {
        drain(mine());
      },
      close: () => undefined,
    };
  }
}

/** A votes table keyed by voter, like the Postgres store. */
function tableStore(
  rows: Map<string, 'a' | 'b'>,
  onSave: (b: Ballot) => void | Promise<void> = () => undefined,
): BallotStore {
  return {
    async save(b) {
      await onSave(b);
      rows.set(b.voter_id, b.vote);
    },
    close: async () => undefined,
  };
}

const ballot = (voter: string, vote: 'a' | 'b'): string => JSON.stringify({ voter_id: voter, vote });

function deps(overrides: Partial<WorkerDeps> & Pick<WorkerDeps, 'openSource' | 'openStore' | 'signal'>): WorkerDeps {
  return { log: () => undefined, sleep: async () => undefined, ...overrides };
}

describe('runWorker', () => {
  it('moves ballots to the store, drops invalid entries, acknowledges both, stops when aborted', async () => {
    const controller = new AbortController();
    const q = new FakeQueue();
    q.queue.push(ballot('v1', 'a'), 'garbage', ballot('v2', 'b'));
    const rows = new Map<string, 'a' | 'b'>();
    const logs: string[] = [];
    const count = await runWorker(
      deps({
        openSource: async () => q.source('w1'),
        openStore: async () =>
          tableStore(rows, () => {
            if (rows.size === 1) controller.abort();
          }),
        log: (m) => logs.push(m),
        signal: controller.signal,
      }),
    );
    expect(count).toBe(2);
    expect([...rows]).toEqual([
      ['v1', 'a'],
      ['v2', 'b'],
    ]);
    expect(logs.some((l) => l.includes('dropping invalid entry'))).toBe(true);
    expect(q.processing.get('w1')).toEqual([]);
    expect(q.queue).toEqual([]);
  });

  it('finishes the ballot in hand when aborted mid-save, and gives nothing else away', async () => {
    const controller = new AbortController();
    const q = new FakeQueue();
    q.queue.push(ballot('v1', 'a'), ballot('v2', 'b'));
    const rows = new Map<string, 'a' | 'b'>();
    await runWorker(
      deps({
        openSource: async () => q.source('w1'),
        openStore: async () =>
          tableStore(rows, async () => {
            controller.abort();
            await new Promise((r) => setTimeout(r, 10));
          }),
        signal: controller.signal,
      }),
    );
    expect([...rows]).toEqual([['v1', 'a']]);
    expect(q.processing.get('w1')).toEqual([]);
    expect(q.queue).toEqual([ballot('v2', 'b')]);
  });

  it('retries with growing backoff until the database comes up, losing no ballot', async () => {
    const controller = new AbortController();
    const q = new FakeQueue();
    q.queue.push(ballot('v1', 'a'));
    const delays: number[] = [];
    const rows = new Map<string, 'a' | 'b'>();
    let storeOpens = 0;
    let saveFailures = 1;
    const count = await runWorker(
      deps({
        openSource: async () => q.source('w1'),
        openStore: async () => {
          storeOpens += 1;
          if (storeOpens <= 3) throw new Error('getaddrinfo ENOTFOUND db');
          return tableStore(rows, () => {
            if (saveFailures > 0) {
              saveFailures -= 1;
              throw new Error('connection terminated');
            }
            controller.abort();
          });
        },
        sleep: async (ms) => {
          delays.push(ms);
        },
        signal: controller.signal,
      }),
    );
    expect(count).toBe(1);
    expect([...rows]).toEqual([['v1', 'a']]);
    expect(q.queue).toEqual([]);
    // Three failed opens, then a failed save: the delay doubles each time in a row.
    expect(delays).toEqual([250, 500, 1000, 250]);
  });

  it('reconnects after the source fails', async () => {
    const controller = new AbortController();
    const q = new FakeQueue();
    q.queue.push(ballot('v9', 'b'));
    q.failures.set('w1', [new Error('connection closed')]);
    let opens = 0;
    const rows = new Map<string, 'a' | 'b'>();
    await runWorker(
      deps({
        openSource: async () => {
          opens += 1;
          return q.source('w1');
        },
        openStore: async () => tableStore(rows, () => controller.abort()),
        signal: controller.signal,
      }),
    );
    expect(opens).toBe(2);
    expect([...rows]).toEqual([['v9', 'b']]);
  });

  it('puts back the ballots a dead worker took, so a crash between taking and saving loses none', async () => {
    const q = new FakeQueue();
    for (let i = 0; i < 10; i += 1) q.queue.push(ballot(`v${i}`, i % 2 === 0 ? 'a' : 'b'));
    const rows = new Map<string, 'a' | 'b'>();
    // w1 takes three ballots and dies before saving the third (killed: no release).
    const w1 = q.source('w1');
    for (let i = 0; i < 3; i += 1) await w1.next(1);
    rows.set('v0', 'a');
    await w1.ack(ballot('v0', 'a'));
    rows.set('v1', 'b'); // saved, not yet acknowledged when it died
    q.dead.add('w1');

    const controller = new AbortController();
    const logs: string[] = [];
    await runWorker(
      deps({
        openSource: async () => q.source('w2'),
        openStore: async () =>
          tableStore(rows, () => {
            if (q.queue.length === 0) controller.abort();
          }),
        log: (m) => logs.push(m),
        signal: controller.signal,
      }),
    );
    expect(logs).toContain('put 2 unacknowledged vote(s) back in the queue');
    expect(rows.size).toBe(10);
    expect([...rows.values()].filter((v) => v === 'a')).toHaveLength(5);
    expect(q.processing.get('w1')).toEqual([]);
  });

  it('shares one queue between several workers, each ballot saved once', async () => {
    const q = new FakeQueue();
    for (let i = 0; i < 50; i += 1) q.queue.push(ballot(`v${i}`, 'a'));
    const rows = new Map<string, 'a' | 'b'>();
    const saves: string[] = [];
    const controller = new AbortController();
    const workers = ['w1', 'w2', 'w3'].map((id) =>
      runWorker(
        deps({
          openSource: async () => q.source(id),
          openStore: async () =>
            tableStore(rows, async (b) => {
              saves.push(b.voter_id);
              await new Promise((r) => setImmediate(r));
              if (saves.length === 50) controller.abort();
            }),
          signal: controller.signal,
        }),
      ),
    );
    const counts = await Promise.all(workers);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(50);
    expect(counts.filter((c) => c > 0).length).toBeGreaterThan(1);
    expect(new Set(saves).size).toBe(50);
    expect(rows.size).toBe(50);
  });

  it('looks for stranded ballots regularly while busy', async () => {
    const q = new FakeQueue();
    for (let i = 0; i < 6; i += 1) q.queue.push(ballot(`v${i}`, 'a'));
    q.processing.set('gone', [ballot('stranded', 'b')]);
    q.dead.add('gone');
    const rows = new Map<string, 'a' | 'b'>();
    const controller = new AbortController();
    const source = q.source('w1');
    const recover = jest.spyOn(source, 'recover');
    await runWorker(
      deps({
        openSource: async () => source,
        openStore: async () =>
          tableStore(rows, () => {
            if (rows.size === 6) controller.abort();
          }),
        recoverEvery: 2,
        signal: controller.signal,
      }),
    );
    expect(recover.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(rows.get('stranded')).toBe('b');
  });

  it('returns at once when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const openSource = jest.fn();
    await expect(runWorker(deps({ openSource, openStore: jest.fn(), signal: controller.signal }))).resolves.toBe(0);
    expect(openSource).not.toHaveBeenCalled();
  });
});
