import { listHookTraceFiles, readHookTrace, type HookTraceRecord } from '../runtime/hook-trace-file';
import { diffDispatch, type DispatchDiff } from './dispatch-diff';

/** The number of the last trace a unit wrote (0: none). */
export function lastTraceNumber(charmDir: string): number {
  const files = listHookTraceFiles(charmDir);
  return files[files.length - 1]?.n ?? 0;
}

function readOrUndefined(file: string): HookTraceRecord | undefined {
  try {
    return readHookTrace(file);
  } catch {
    return undefined;
  }
}

/**
 * Diffs every hook the unit ran after trace number `after` against the run of the same hook
 * before it (which may be older than `after`).
 */
export function diffsSince(charmDir: string, after: number): DispatchDiff[] {
  const files = listHookTraceFiles(charmDir);
  const records = files.map((f) => ({ n: f.n, record: readOrUndefined(f.file) }));
  const diffs: DispatchDiff[] = [];
  for (const [index, { n, record }] of records.entries()) {
    if (n <= after || record === undefined) continue;
    const previous = records
      .slice(0, index)
      .reverse()
      .find((r) => r.record?.hook === record.hook)?.record;
    diffs.push(diffDispatch(previous, record));
  }
  return diffs;
}
