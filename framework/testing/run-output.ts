import type { TraceEvent } from '../reactive';
import type { DockerAction } from './docker/docker-action';
import type { LogRecord, PublishedRecord, StatusRecord } from './run-records';
import type { State } from './state';

/** What one `Context.run` produced: the new state and the records of the hook. Deeply frozen. */
export interface RunOutput {
  /** The unit after the hook (the input is never changed). */
  readonly state: State;
  /** Hook name as dispatched (`config-changed`, `action:backup`). */
  readonly hook: string;
  /** Handler ids in the order they ran. */
  readonly invoked: readonly string[];
  /** Every status the charm set, in order (the last one is `state.status`). */
  readonly statusHistory: readonly StatusRecord[];
  /** Every `relation-set` made at commit. */
  readonly published: readonly PublishedRecord[];
  /** Log records (pino fields), at the context's log level. */
  readonly logs: readonly LogRecord[];
  /** The dispatcher's trace: handlers tested (with unmet conditions), invoked, skipped; flag changes with their cause. */
  readonly trace: readonly TraceEvent[];
  /** State-changing Docker calls, in order. */
  readonly dockerActions: readonly DockerAction[];
  /** `action-set` results (actions only). */
  readonly actionResults: Readonly<Record<string, unknown>>;
  /** The `action-fail` message, when the action reported a failure. */
  readonly actionFailure?: string;
  /** `application-version-set`, when called. */
  readonly applicationVersion?: string;
}
