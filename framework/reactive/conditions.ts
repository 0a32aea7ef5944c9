import type { RegisteredHandler } from './registered-handler';

/** kv key of the mark an `onlyOnce` handler leaves after its first successful run. */
export function onlyOnceKey(handlerId: string): string {
  return `rxcharm.invoked.${handlerId}`;
}

/** kv key of the content hash a `fileChanged` handler saw when it last ran (null: file missing). */
export function fileHashKey(path: string): string {
  return `rxcharm.files.${path}`;
}

/** What condition evaluation may read. Nothing here can be written: testing is side-effect free. */
export interface ConditionEnv {
  hasFlag(flag: string): boolean;
  hasKey(key: string): boolean;
  getKey(key: string): unknown;
  /** Content hash of `path`, or null if the file is missing. */
  fileHash(path: string): string | null;
  /** Whether the current hook matches the handler's hook/action conditions. */
  hookMatches(handler: RegisteredHandler): boolean;
}

/** Paths whose content differs from what the handler last saw. */
export function changedFiles(handler: RegisteredHandler, env: ConditionEnv): string[] {
  return handler.fileChanged.filter((path) => {
    const key = fileHashKey(path);
    const current = env.fileHash(path);
    return env.hasKey(key) ? env.getKey(key) !== current : current !== null;
  });
}

const NONE: string[] = [];

/**
 * The conditions of `handler` that do not hold, as short labels (`when(a)`, `whenNot(b)`,
 * `hook`, `fileChanged`, `onlyOnce`); empty when the handler may run. Pure. The common
 * all-hold path allocates nothing (it runs for every candidate of every iteration).
 */
export function unmetConditions(handler: RegisteredHandler, env: ConditionEnv): string[] {
  if (conditionsHold(handler, env)) return NONE;
  const unmet: string[] = [];
  if (handler.phase === 'hook' && !env.hookMatches(handler)) unmet.push(handler.actions.length > 0 ? 'action' : 'hook');
  const missing = handler.whenAll.filter((f) => !env.hasFlag(f));
  if (missing.length > 0) unmet.push(`when(${missing.join(',')})`);
  const present = handler.whenNone.filter((f) => env.hasFlag(f));
  if (present.length > 0) unmet.push(`whenNot(${present.join(',')})`);
  for (const group of handler.whenAny)
    if (!group.some((f) => env.hasFlag(f))) unmet.push(`whenAny(${group.join(',')})`);
  for (const group of handler.whenNotAll)
    if (group.every((f) => env.hasFlag(f))) unmet.push(`whenNotAll(${group.join(',')})`);
  if (handler.fileChanged.length > 0 && changedFiles(handler, env).length === 0) unmet.push('fileChanged');
  if (handler.onlyOnce && env.hasKey(onlyOnceKey(handler.id))) unmet.push('onlyOnce');
  return unmet;
}

/** How many of `flags` are set (a plain loop: this runs for every candidate of every iteration). */
function countSet(flags: readonly string[], env: ConditionEnv): number {
  let n = 0;
  for (let i = 0; i < flags.length; i++) if (env.hasFlag(flags[i] as string)) n++;
  return n;
}

/** True when every condition of `h` holds (the allocation-free form of `unmetConditions(h).length === 0`). */
export function conditionsHold(h: RegisteredHandler, env: ConditionEnv): boolean {
  for (let i = 0; i < h.whenAll.length; i++) if (!env.hasFlag(h.whenAll[i] as string)) return false;
  for (let i = 0; i < h.whenNone.length; i++) if (env.hasFlag(h.whenNone[i] as string)) return false;
  for (let i = 0; i < h.whenAny.length; i++) if (countSet(h.whenAny[i] as readonly string[], env) === 0) return false;
  for (let i = 0; i < h.whenNotAll.length; i++) {
    const group = h.whenNotAll[i] as readonly string[];
    if (countSet(group, env) === group.length) return false;
  }
  if (h.phase === 'hook' && !env.hookMatches(h)) return false;
  if (h.onlyOnce && env.hasKey(onlyOnceKey(h.id))) return false;
  if (h.fileChanged.length > 0 && changedFiles(h, env).length === 0) return false;
  return true;
}
