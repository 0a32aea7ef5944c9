import type { JsonValue } from './json-value';
import { FlagSet } from './flag-set';
import { KeyValueStore } from './key-value-store';
import type { UnitStore } from './unit-store';
import { TransactionClosedError } from './unit-errors';

/** What a hook may add to the stored state when it commits. */
export interface CommitPatch {
  /** The config this hook saw; becomes `previous` for the next hook. Omitted: keep the old snapshot. */
  readonly config?: Record<string, JsonValue>;
}

/**
 * One hook's working copy of the unit state. Nothing reaches the store until `commit()`;
 * `rollback()` (or simply never committing) leaves the store exactly as it was.
 */
export interface UnitTransaction {
  /** Working flags, starting from the stored ones. */
  readonly flags: FlagSet;
  /** Working key-value store, starting from the stored one. */
  readonly kv: KeyValueStore;
  /** The config snapshot of the last successful hook (null before the first). */
  readonly previousConfig: Readonly<Record<string, JsonValue>> | null;
  /** `open` until `commit` or `rollback` is called. */
  readonly status: 'open' | 'committed' | 'rolled-back';
  /** Writes flags, kv and (optionally) the new config snapshot atomically. */
  commit(patch?: CommitPatch): void;
  /** Discards every change; the store is not touched. */
  rollback(): void;
}

/** Starts a hook's transaction on `store`. */
export function beginTransaction(store: UnitStore): UnitTransaction {
  const initial = store.load();
  const flags = new FlagSet(initial.flags);
  const kv = new KeyValueStore(initial.kv);
  let status: UnitTransaction['status'] = 'open';
  const ensureOpen = (): void => {
    if (status !== 'open') throw new TransactionClosedError(status);
  };
  return {
    flags,
    kv,
    previousConfig: initial.config,
    get status() {
      return status;
    },
    commit(patch: CommitPatch = {}): void {
      ensureOpen();
      store.save({
        version: 1,
        flags: flags.list(),
        kv: kv.toJSON(),
        config: patch.config !== undefined ? structuredClone(patch.config) : initial.config,
      });
      status = 'committed';
      flags.close();
    },
    rollback(): void {
      ensureOpen();
      status = 'rolled-back';
      flags.close();
    },
  };
}
