import type { TraceEvent } from '../reactive';

/** A status the charm set during a run, in order. */
export interface StatusRecord {
  readonly status: string;
  readonly message: string;
  /** Set with `status-set --application`. */
  readonly application?: boolean;
}

/** Relation data the charm published (`relation-set`) during a run. */
export interface PublishedRecord {
  /** `redis:3` */
  readonly relationId: string;
  readonly endpoint: string;
  /** True for the application bag (`--app`). */
  readonly app: boolean;
  /** The keys set in this call (`''` deletes a key). */
  readonly data: Readonly<Record<string, string>>;
}

/** A structured log record (pino fields: `level` as a name, `msg`, `module`, `handler`...). */
export type LogRecord = Readonly<Record<string, unknown>> & { readonly level: string; readonly msg: string };

/** What every run records, whether the hook succeeded (`RunOutput`) or failed (`FailedRunRecords`). */
export interface RunRecords {
  /** Hook name as dispatched (`config-changed`, `action:backup`). */
  readonly hook: string;
  /** Every status the charm set, in order. */
  readonly statusHistory: readonly StatusRecord[];
  /** Log records (pino fields), at the context's log level. */
  readonly logs: readonly LogRecord[];
  /** The dispatcher's trace: handlers tested (with unmet conditions), invoked, skipped; flag changes with their cause. */
  readonly trace: readonly TraceEvent[];
}
