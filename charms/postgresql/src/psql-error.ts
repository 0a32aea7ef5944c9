import { RxcharmError } from 'rxcharm';

/** Context of a {@link PsqlError}: the SQL (passwords elided), database and psql's exit code. */
export type PsqlErrorContext = {
  readonly sql: string;
  readonly database?: string;
  readonly exitCode?: number;
};

/** psql inside the PostgreSQL container failed, or there is no container to run it in. */
export class PsqlError extends RxcharmError {
  declare readonly context: PsqlErrorContext;
  constructor(message: string, context: PsqlErrorContext) {
    super('POSTGRESQL_PSQL_FAILED', `psql failed: ${message}`, { context });
  }
}
