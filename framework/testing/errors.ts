import { RxcharmError } from '../errors';
import type { RunRecords } from './run-records';
import type { State } from './state';

/**
 * The test set-up describes a situation Juju could never produce (a relation-changed hook for a
 * relation that is not in the state, a config key config.yaml lacks...). A bug in the test, not
 * in the charm. `problems` lists every problem found, each naming where it is.
 */
export class InconsistentStateError extends RxcharmError {
  readonly problems: readonly string[];

  constructor(event: string, problems: readonly string[]) {
    super(
      'HARNESS_INCONSISTENT_STATE',
      `inconsistent state for ${event}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      {
        context: { event, problems },
      },
    );
    this.problems = problems;
  }
}

/** What a failed run still tells: the partial records of the hook that failed. */
export interface FailedRunRecords extends RunRecords {
  /** The unit after the failed hook: the pre-hook state, since nothing was committed. */
  readonly state: State;
}

/**
 * The charm failed the hook (a handler threw, a dispatch loop, a hook tool error...). `cause` is
 * the charm's error; `handler` names the handler when one threw. The state was rolled back: a
 * failed hook changes nothing but the status (as in Juju), which `records.statusHistory` shows.
 */
export class UncaughtHandlerError extends RxcharmError {
  readonly handler: string | undefined;
  readonly records: FailedRunRecords;

  constructor(reason: string, handler: string | undefined, cause: unknown, records: FailedRunRecords) {
    super('HARNESS_UNCAUGHT_HANDLER_ERROR', `hook ${records.hook} failed: ${reason}`, {
      context: { hook: records.hook, handler },
      cause,
    });
    this.handler = handler;
    this.records = records;
  }
}

/** The charm or layer directory could not be loaded (missing layer, bundling error...). */
export class HarnessLoadError extends RxcharmError {
  constructor(dir: string, detail: string, cause?: unknown) {
    super('HARNESS_LOAD', `cannot load charm: ${dir}\n${detail}`, { context: { dir }, cause });
  }
}
