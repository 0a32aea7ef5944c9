import { RxcharmError } from '../errors';

/** Base class of the unit-state errors (`code` starts with `UNIT_`). */
export class UnitStateError extends RxcharmError {}

/**
 * The stored unit state could not be read back. The store is never reset silently: the bad
 * file is copied to `backup` first, so an operator can inspect or restore it.
 */
export class UnitStateCorruptError extends UnitStateError {
  readonly file: string;
  readonly backup: string | undefined;
  constructor(file: string, reason: string, backup: string | undefined, cause?: unknown) {
    super(
      'UNIT_STATE_CORRUPT',
      `unit state corrupt: ${file}\n${reason}\n` +
        (backup === undefined ? 'no backup could be written' : `a copy was saved to ${backup}`) +
        '; fix or remove the file to continue',
      { context: { file, reason, backup }, cause },
    );
    this.file = file;
    this.backup = backup;
  }
}

/** Writing the unit state failed; the previous state on disk is unchanged. */
export class UnitStateWriteError extends UnitStateError {
  constructor(file: string, cause: unknown) {
    super('UNIT_STATE_WRITE', `unit state not written: ${file}\n${String((cause as Error)?.message ?? cause)}`, {
      context: { file },
      cause,
    });
  }
}

/** A value given to the key-value store cannot be stored as JSON. */
export class KvValueError extends UnitStateError {
  constructor(key: string, problem: string) {
    super('UNIT_KV_VALUE', `kv value not storable: ${key}\n${problem}`, { context: { key, problem } });
  }
}

/** A transaction was used after `commit()` or `rollback()`. */
export class TransactionClosedError extends UnitStateError {
  constructor(state: string) {
    super('UNIT_TRANSACTION_CLOSED', `unit transaction already ${state}`, { context: { state } });
  }
}

/** Another hook holds the unit lock and did not release it within the allowed time. */
export class UnitLockTimeoutError extends UnitStateError {
  constructor(unitDir: string, lockPath: string, timeoutMs: number) {
    super(
      'UNIT_LOCK_TIMEOUT',
      `unit lock not acquired: ${unitDir}\nanother hook held ${lockPath} for more than ${timeoutMs} ms`,
      { context: { unitDir, lockPath, timeoutMs } },
    );
  }
}

/** A trigger declaration is malformed (needs exactly one of when/whenNot and an action). */
export class InvalidTriggerError extends RxcharmError {
  constructor(reason: string, trigger: unknown) {
    super('INVALID_TRIGGER', `trigger invalid: ${reason}\n${JSON.stringify(trigger)}`, { context: { reason } });
  }
}

/** A flag name is not a non-empty string. */
export class InvalidFlagError extends RxcharmError {
  constructor(flag: unknown) {
    super('INVALID_FLAG', `flag invalid: ${JSON.stringify(flag)}\nflag names are non-empty strings`, {
      context: { flag: String(flag) },
    });
  }
}
