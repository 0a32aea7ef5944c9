import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { childrenCpuMs, median, percentile, round1 } from './stats';

/** Whole-process timings of one command, repeated. */
export interface ProcessTimings {
  readonly runs: number;
  readonly median_ms: number;
  readonly p90_ms: number;
  /** Mean CPU (user + system) of the process and everything it waited for. */
  readonly cpu_ms: number;
}

/** Summarises wall times (ms) and a total of children CPU over them. */
export function summarise(walls: readonly number[], cpuTotalMs: number): ProcessTimings {
  return {
    runs: walls.length,
    median_ms: round1(median(walls)),
    p90_ms: round1(percentile(walls, 90)),
    cpu_ms: round1(cpuTotalMs / walls.length),
  };
}

/**
 * Runs `command` `runs` times (synchronously, nothing else running in this process) and times
 * each run from spawn to exit. Throws if a run fails, with its stderr.
 */
export function timeProcess(
  command: readonly string[],
  runs: number,
  options: SpawnSyncOptions | ((i: number) => SpawnSyncOptions) = {},
): ProcessTimings {
  const walls: number[] = [];
  const cpu0 = childrenCpuMs();
  for (let i = 0; i < runs; i++) {
    const opts = typeof options === 'function' ? options(i) : options;
    const t0 = performance.now();
    const r = spawnSync(command[0] as string, command.slice(1), { encoding: 'utf8', ...opts });
    walls.push(performance.now() - t0);
    if (r.status !== 0)
      throw new Error(`${command.join(' ')} exited ${String(r.status)}: ${String(r.stderr).slice(-2000)}`);
  }
  return summarise(walls, childrenCpuMs() - cpu0);
}

/** Times one run of `node -e 0` (the floor), for interleaving with the runs it is compared with. */
export function timeNodeFloor(): { readonly wallMs: number; readonly cpuMs: number } {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  return { wallMs: performance.now() - t0, cpuMs: childrenCpuMs() - cpu0 };
}

/**
 * Alternates `node -e 0` and the measured run, so both see the same machine load (other work on
 * a shared machine moves wall times by a factor of several from minute to minute).
 */
export async function timeAgainstFloor(
  runs: number,
  once: () => Promise<number>,
): Promise<{ readonly subject: ProcessTimings; readonly floor: ProcessTimings }> {
  const walls: number[] = [];
  const floorWalls: number[] = [];
  let cpu = 0;
  let floorCpu = 0;
  for (let i = 0; i < runs; i++) {
    const f = timeNodeFloor();
    floorWalls.push(f.wallMs);
    floorCpu += f.cpuMs;
    const cpu0 = childrenCpuMs();
    walls.push(await once());
    cpu += childrenCpuMs() - cpu0;
  }
  return { subject: summarise(walls, cpu), floor: summarise(floorWalls, floorCpu) };
}
