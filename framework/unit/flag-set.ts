import { Observable, Subject } from 'rxjs';
import { InvalidFlagError, InvalidTriggerError } from './unit-errors';

/** Who changed a flag: a handler id, `'trigger'`, or `'runtime'` (framework code outside handlers). */
export type FlagCause = string;

/** One real transition of one flag, as emitted on {@link FlagSet.changes$}. */
export interface FlagChange {
  readonly flag: string;
  readonly change: 'set' | 'cleared';
  /** Handler id, `'trigger'` or `'runtime'`. */
  readonly cause: FlagCause;
  /** For `cause: 'trigger'`: the cause of the change that fired the trigger (a handler id or `'runtime'`). */
  readonly origin?: FlagCause;
  /** For `cause: 'trigger'`: the flag transition that fired it, e.g. `when:config.changed`. */
  readonly trigger?: string;
}

/**
 * Couples flags atomically: when `when` becomes set (or `whenNot` becomes cleared), set `setFlag`
 * and/or clear `clearFlag` at once, so no handler can observe the state in between.
 */
export interface TriggerDefinition {
  readonly when?: string;
  readonly whenNot?: string;
  readonly setFlag?: string;
  readonly clearFlag?: string;
}

/**
 * The set of flags of one unit, with a stream of its changes.
 *
 * Setting a set flag or clearing an unset one is not a change: it emits nothing and fires no
 * trigger. Triggers fire synchronously inside the call that made the change, in registration
 * order (each trigger: its `setFlag`, then its `clearFlag`).
 */
export class FlagSet {
  private readonly flags: Set<string>;
  private readonly subject = new Subject<FlagChange>();
  private readonly onSet = new Map<string, TriggerDefinition[]>();
  private readonly onClear = new Map<string, TriggerDefinition[]>();
  private changeCount = 0;

  /** Every real transition, synchronously, in the order they happen. */
  readonly changes$: Observable<FlagChange> = this.subject.asObservable();

  constructor(initial: Iterable<string> = []) {
    this.flags = new Set(initial);
  }

  /** Number of real transitions so far; lets callers skip re-tests when nothing changed. */
  get version(): number {
    return this.changeCount;
  }

  /** How many flags are set. */
  get size(): number {
    return this.flags.size;
  }

  /** Whether `flag` is set. */
  has(flag: string): boolean {
    return this.flags.has(flag);
  }

  /** The set flags, sorted (code-unit order, stable across runs). */
  list(): string[] {
    return [...this.flags].sort();
  }

  /** Sets `flag`; returns true if it was not set before. */
  set(flag: string, cause: FlagCause = 'runtime'): boolean {
    return this.apply(flag, true, cause, undefined, undefined);
  }

  /** Clears `flag`; returns true if it was set before. */
  clear(flag: string, cause: FlagCause = 'runtime'): boolean {
    return this.apply(flag, false, cause, undefined, undefined);
  }

  /** Sets `flag` if `value` is true, clears it if false, flips it if `value` is omitted. */
  toggle(flag: string, value: boolean | undefined = undefined, cause: FlagCause = 'runtime'): boolean {
    const target = value ?? !this.flags.has(flag);
    return this.apply(flag, target, cause, undefined, undefined);
  }

  /** Adds a trigger (an identical one registered earlier is not added twice). */
  registerTrigger(trigger: TriggerDefinition): void {
    validateTrigger(trigger);
    const map = trigger.when !== undefined ? this.onSet : this.onClear;
    const key = (trigger.when ?? trigger.whenNot) as string;
    const list = map.get(key) ?? [];
    if (list.some((t) => t.setFlag === trigger.setFlag && t.clearFlag === trigger.clearFlag)) return;
    list.push({ ...trigger });
    map.set(key, list);
  }

  /** Completes the change stream (the set stays usable for reads). */
  close(): void {
    this.subject.complete();
  }

  private apply(
    flag: string,
    value: boolean,
    cause: FlagCause,
    origin: FlagCause | undefined,
    trigger: string | undefined,
  ): boolean {
    if (typeof flag !== 'string' || flag.length === 0) {
      throw new InvalidFlagError(flag);
    }
    if (this.flags.has(flag) === value) return false;
    if (value) this.flags.add(flag);
    else this.flags.delete(flag);
    this.changeCount++;
    const change: FlagChange =
      trigger === undefined
        ? { flag, change: value ? 'set' : 'cleared', cause }
        : { flag, change: value ? 'set' : 'cleared', cause, origin, trigger };
    this.subject.next(change);
    const triggers = (value ? this.onSet : this.onClear).get(flag);
    if (triggers !== undefined) {
      const root = origin ?? cause;
      const label = `${value ? 'when' : 'whenNot'}:${flag}`;
      for (const t of [...triggers]) {
        if (t.setFlag !== undefined) this.apply(t.setFlag, true, 'trigger', root, label);
        if (t.clearFlag !== undefined) this.apply(t.clearFlag, false, 'trigger', root, label);
      }
    }
    return true;
  }
}

function validateTrigger(t: TriggerDefinition): void {
  const hasWhen = typeof t.when === 'string' && t.when.length > 0;
  const hasWhenNot = typeof t.whenNot === 'string' && t.whenNot.length > 0;
  if (hasWhen === hasWhenNot) throw new InvalidTriggerError('give exactly one of when / whenNot', t);
  if (t.setFlag === undefined && t.clearFlag === undefined) {
    throw new InvalidTriggerError('give setFlag and/or clearFlag', t);
  }
  for (const k of ['setFlag', 'clearFlag'] as const) {
    const v = t[k];
    if (v !== undefined && (typeof v !== 'string' || v.length === 0)) {
      throw new InvalidTriggerError(`${k} must be a non-empty string`, t);
    }
  }
}
