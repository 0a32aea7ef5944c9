import { HOOK_TRACE_DIR } from '../charm';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DispatchResult, TraceEvent } from '../reactive';

/** How many hook traces a unit keeps (older ones are deleted). */
export const HOOK_TRACES_KEPT = 50;

/** One hook's trace file: `<charm dir>/.rxcharm/traces/<n>-<hook>.json`. */
export interface HookTraceRecord {
  readonly version: 1;
  /** Sequence number of the hook on this unit (1, 2, ...). */
  readonly n: number;
  readonly unit: string;
  /** `config-changed`, `redis-relation-joined`, `action:backup`. */
  readonly hook: string;
  readonly ok: boolean;
  /** Why the hook failed. */
  readonly reason?: string;
  /** ISO time the hook ended. */
  readonly time: string;
  readonly invoked: readonly string[];
  /** Flags at the end of dispatch (before the runtime cleared hook-scoped ones). */
  readonly flags: readonly string[];
  readonly trace: readonly TraceEvent[];
}

const FILE = /^(\d+)-(.+)\.json$/;

/** The trace files of a unit, oldest first: `{ n, file }`. Missing directory: none. */
export function listHookTraceFiles(charmDir: string): Array<{ readonly n: number; readonly file: string }> {
  let names: string[];
  try {
    names = readdirSync(join(charmDir, HOOK_TRACE_DIR));
  } catch {
    return [];
  }
  return names
    .map((name) => ({ m: FILE.exec(name), name }))
    .filter((x): x is { m: RegExpExecArray; name: string } => x.m !== null)
    .map((x) => ({ n: Number(x.m[1]), file: join(charmDir, HOOK_TRACE_DIR, x.name) }))
    .sort((a, b) => a.n - b.n);
}

/** Reads one trace file. @throws the JSON or fs error (callers name the file). */
export function readHookTrace(file: string): HookTraceRecord {
  return JSON.parse(readFileSync(file, 'utf8')) as HookTraceRecord;
}

/**
 * Writes the trace of the hook that just ran (called under the unit lock, so numbering is
 * sequential) and prunes old ones. Written temp → rename; a failure to write is swallowed and
 * reported through `onError`: a trace must never fail a hook.
 */
export function writeHookTrace(
  charmDir: string,
  hook: { unit: string; hook: string; ok: boolean; reason?: string; dispatch?: DispatchResult; error?: unknown },
  onError: (e: unknown) => void = () => undefined,
): void {
  try {
    const dir = join(charmDir, HOOK_TRACE_DIR);
    mkdirSync(dir, { recursive: true });
    const existing = listHookTraceFiles(charmDir);
    const n = (existing[existing.length - 1]?.n ?? 0) + 1;
    const partial = (hook.error as { partial?: DispatchResult } | undefined)?.partial;
    const dispatch = hook.dispatch ?? partial;
    const record: HookTraceRecord = {
      version: 1,
      n,
      unit: hook.unit,
      hook: hook.hook,
      ok: hook.ok,
      ...(hook.reason === undefined ? {} : { reason: hook.reason }),
      time: new Date().toISOString(),
      invoked: dispatch?.invoked ?? [],
      flags: dispatch?.flags ?? [],
      trace: dispatch?.trace ?? [],
    };
    const safe = hook.hook.replace(/[^A-Za-z0-9_.-]/g, '_');
    const target = join(dir, `${String(n).padStart(6, '0')}-${safe}.json`);
    writeFileSync(`${target}.tmp`, `${JSON.stringify(record)}\n`, { mode: 0o600 });
    renameSync(`${target}.tmp`, target);
    for (const old of existing.slice(0, Math.max(0, existing.length + 1 - HOOK_TRACES_KEPT)))
      rmSync(old.file, { force: true });
  } catch (e) {
    onError(e);
  }
}
