import type { HookTraceRecord } from '../runtime/hook-trace-file';

/** How one run of a hook differs from the previous run of the same hook on the same unit. */
export interface DispatchDiff {
  readonly unit: string;
  readonly hook: string;
  readonly ok: boolean;
  readonly reason?: string;
  /** Handlers that ran this time. */
  readonly invoked: readonly string[];
  /** False when the unit had never run this hook before (nothing to compare with). */
  readonly compared: boolean;
  /** Handlers that ran now and did not run last time. */
  readonly nowRun: readonly string[];
  /** Handlers that ran last time and did not run now. */
  readonly noLongerRun: readonly string[];
  /** Flags set at the end of this run and not at the end of the last one. */
  readonly nowSet: readonly string[];
  /** Flags set at the end of the last run and not at the end of this one. */
  readonly cleared: readonly string[];
}

function minus(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return [...new Set(a)].filter((x) => !other.has(x));
}

/** Compares two traces of the same hook (pure); `previous` undefined means a first run. */
export function diffDispatch(previous: HookTraceRecord | undefined, next: HookTraceRecord): DispatchDiff {
  const base = {
    unit: next.unit,
    hook: next.hook,
    ok: next.ok,
    ...(next.reason === undefined ? {} : { reason: next.reason }),
    invoked: [...next.invoked],
  };
  if (previous === undefined) return { ...base, compared: false, nowRun: [], noLongerRun: [], nowSet: [], cleared: [] };
  return {
    ...base,
    compared: true,
    nowRun: minus(next.invoked, previous.invoked),
    noLongerRun: minus(previous.invoked, next.invoked),
    nowSet: minus(next.flags, previous.flags).sort(),
    cleared: minus(previous.flags, next.flags).sort(),
  };
}

/** The lines `rxcharm dev` prints for one hook run. */
export function formatDispatchDiff(diff: DispatchDiff): string[] {
  const head = `${diff.unit}: ${diff.hook} ${diff.ok ? 'ok' : `failed${diff.reason ? `: ${diff.reason}` : ''}`}`;
  const lines = [`${head} (${diff.invoked.length} handler${diff.invoked.length === 1 ? '' : 's'} ran)`];
  if (!diff.compared) {
    lines.push('    first run of this hook on the unit');
    return lines;
  }
  const changes: Array<[string, readonly string[]]> = [
    ['now runs', diff.nowRun],
    ['no longer runs', diff.noLongerRun],
    ['flags now set', diff.nowSet],
    ['flags cleared', diff.cleared],
  ];
  const shown = changes.filter(([, names]) => names.length > 0);
  if (shown.length === 0) lines.push('    same handlers and flags as last time');
  for (const [label, names] of shown) lines.push(`    ${label}: ${names.join(', ')}`);
  return lines;
}
