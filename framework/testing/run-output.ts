import type { DockerAction } from './docker/docker-action';
import type { PublishedRecord, RunRecords } from './run-records';
import type { State } from './state';

/** What one `Context.run` produced: the new state and the records of the hook. Deeply frozen. */
export interface RunOutput extends RunRecords {
  /** The unit after the hook (the input is never changed); its `status` is the last of `statusHistory`. */
  readonly state: State;
  /** Handler ids in the order they ran. */
  readonly invoked: readonly string[];
  /** Every `relation-set` made at commit. */
  readonly published: readonly PublishedRecord[];
  /** State-changing Docker calls, in order. */
  readonly dockerActions: readonly DockerAction[];
  /** `action-set` results (actions only). */
  readonly actionResults: Readonly<Record<string, unknown>>;
  /** The `action-fail` message, when the action reported a failure. */
  readonly actionFailure?: string;
  /** `application-version-set`, when called. */
  readonly applicationVersion?: string;
}
