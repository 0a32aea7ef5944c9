/**
 * Unit state: what a unit remembers between hooks (flags, key-value store, last config), stored
 * atomically and changed only through a per-hook transaction, plus the per-unit hook lock.
 */
/** JSON values the store can hold. */
export type { JsonValue } from './json-value';
/** The persisted shape and its empty value. */
export { emptyUnitState } from './unit-state';
export type { UnitState } from './unit-state';
/** Storage back ends. */
export type { UnitStore } from './unit-store';
export { FileUnitStore } from './file-unit-store';
export { UNIT_STATE_DIR, UNIT_STATE_FILE } from '../charm';
export { MemoryUnitStore } from './memory-unit-store';
/** The working flags of a hook, with their change stream and triggers. */
export { FlagSet } from './flag-set';
export type { FlagCause, FlagChange, TriggerDefinition } from './flag-set';
/** The working key-value store of a hook. */
export { KeyValueStore } from './key-value-store';
/** Per-hook transaction. */
export { beginTransaction } from './unit-transaction';
export type { CommitPatch, UnitTransaction } from './unit-transaction';
/** Per-unit lock. */
export { withUnitLock } from './unit-lock';
export type { UnitLockOptions } from './unit-lock';
/** Errors. */
export {
  InvalidFlagError,
  InvalidTriggerError,
  KvValueError,
  TransactionClosedError,
  UnitLockTimeoutError,
  UnitStateCorruptError,
  UnitStateError,
  UnitStateWriteError,
} from './unit-errors';
