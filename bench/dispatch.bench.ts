// Dispatch benchmark (issue 2). Case "wide N": N pairs of handlers, a_i when f_i and not g_i
// sets g_i; b_i when g_i and not done_i sets done_i; all f_i set before the hook. Timed from
// registry construction to the commit of the unit state to a FileUnitStore in a temp dir.
// Python charms.reactive 1.5.3 needs about 37 s for N = 1000 on these machines (quadratic).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Dispatcher, HandlerRegistry, setFlag } from '../framework/reactive';
import { FileUnitStore, beginTransaction } from '../framework/unit';

/** One printed line of this benchmark. */
export interface BenchRecord {
  bench: string;
  handlers: number;
  invoked: number;
  iterations: number;
  ms: number;
  msPerHandler: number;
  [key: string]: unknown;
}

async function wide(n: number): Promise<BenchRecord> {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-bench-dispatch-'));
  try {
    const store = new FileUnitStore(dir);
    {
      const tx = beginTransaction(store);
      for (let i = 0; i < n; i++) tx.flags.set(`f_${i}`);
      tx.commit();
    }
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const registry = new HandlerRegistry();
    for (let i = 0; i < n; i++) {
      registry.addHandler({ id: `a_${i}`, when: [`f_${i}`], whenNot: [`g_${i}`], run: () => setFlag(`g_${i}`) });
      registry.addHandler({ id: `b_${i}`, when: [`g_${i}`], whenNot: [`done_${i}`], run: () => setFlag(`done_${i}`) });
    }
    const t1 = performance.now();
    const tx = beginTransaction(store);
    const t2 = performance.now();
    const result = await new Dispatcher({ registry, flags: tx.flags, kv: tx.kv }).dispatch('update-status');
    const t3 = performance.now();
    tx.commit();
    const t4 = performance.now();
    const ms = t4 - t0;
    const cpu = process.cpuUsage(cpu0);
    if (result.invoked.length !== 2 * n || store.load().flags.length !== 3 * n) {
      throw new Error(`dispatch-wide-${n}: wrong result (${result.invoked.length} invoked)`);
    }
    return {
      bench: `dispatch-wide-${n}`,
      handlers: 2 * n,
      invoked: result.invoked.length,
      iterations: result.iterations,
      traceEvents: result.trace.length,
      ms: round(ms),
      // CPU time of this process: less sensitive than wall time to other load on the machine.
      cpuMs: round((cpu.user + cpu.system) / 1000),
      registerMs: round(t1 - t0),
      loadMs: round(t2 - t1),
      dispatchMs: round(t3 - t2),
      commitMs: round(t4 - t3),
      msPerHandler: Math.round((ms / (2 * n)) * 10000) / 10000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Median run (by total ms) of `runs` runs of case `n`, with the fastest total alongside. */
async function median(n: number, runs: number): Promise<BenchRecord> {
  const all: BenchRecord[] = [];
  for (let i = 0; i < runs; i++) all.push(await wide(n));
  all.sort((a, b) => a.ms - b.ms);
  const mid = all[Math.floor(all.length / 2)] as BenchRecord;
  return { ...mid, runs, minMs: (all[0] as BenchRecord).ms };
}

/** Runs the cases N = 1000, 10000, 100000 after a warm-up; medians of 7, 5 and 3 runs. */
export async function run(): Promise<BenchRecord[]> {
  for (let i = 0; i < 3; i++) await wide(1000);
  const out: BenchRecord[] = [];
  for (const [n, runs] of [
    [1000, 7],
    [10000, 5],
    [100000, 3],
  ] as const) {
    const rec = await median(n, runs);
    out.push(rec);
  }
  const base = (out[0] as BenchRecord).msPerHandler;
  for (const r of out) r.perHandlerVs1000 = Math.round((r.msPerHandler / base) * 100) / 100;
  return out;
}
