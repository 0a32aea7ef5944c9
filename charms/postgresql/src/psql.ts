/**
 * Runs SQL with psql inside the PostgreSQL container, as the superuser over the local socket
 * (trusted in both the official image and rxcharm/postgres), so no password is needed or shown.
 */
import type { Compose } from 'rxcharm/compose';
import { PsqlError } from './psql-error';

/** The compose service that runs the server. */
export const SERVICE = 'postgresql';

/** psql's argument vector for one SQL text in `database` (no shell involved). */
export function psqlCommand(sql: string, database = 'postgres'): string[] {
  return ['psql', '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-U', 'postgres', '-d', database, '-c', sql];
}

/** A psql runner bound to the unit's running server container. */
export class Psql {
  private constructor(
    private readonly compose: Compose,
    private readonly containerId: string,
  ) {}

  /** @throws PsqlError when the service has no running container. */
  static async connect(compose: Compose): Promise<Psql> {
    const running = (await compose.ps()).find((c) => c.service === SERVICE && c.state === 'running');
    if (running === undefined)
      throw new PsqlError(`no running ${SERVICE} container in project ${compose.project}`, { sql: '' });
    return new Psql(compose, running.id);
  }

  /** Runs `sql`; returns psql's trimmed output. @throws PsqlError on a non-zero exit. */
  async run(sql: string, database = 'postgres'): Promise<string> {
    const { exitCode, output } = await this.compose.docker.exec(this.containerId, psqlCommand(sql, database));
    if (exitCode !== 0)
      throw new PsqlError(`psql exited with ${exitCode}: ${output.trim().slice(0, 500)}`, {
        sql: sql.replace(/PASSWORD '[^']*'/g, "PASSWORD '…'"),
        database,
        exitCode,
      });
    return output.trim();
  }

  /**
   * Replaces a file inside the container (write beside it, then rename), as the container's
   * user; the content travels as an argument, never through a shell string.
   * @throws PsqlError when the write fails.
   */
  async writeFile(path: string, content: string): Promise<void> {
    // rxcharm/postgres has busybox without an `mv` link; the official image has coreutils.
    const script =
      'printf "%s" "$2" > "$1.rxcharm-new" && ' +
      '{ if command -v mv >/dev/null 2>&1; then mv "$1.rxcharm-new" "$1"; else busybox mv "$1.rxcharm-new" "$1"; fi; }';
    const { exitCode, output } = await this.compose.docker.exec(this.containerId, [
      'sh',
      '-c',
      script,
      'sh',
      path,
      content,
    ]);
    if (exitCode !== 0)
      throw new PsqlError(`writing ${path} exited with ${exitCode}: ${output.trim().slice(0, 500)}`, { sql: '' });
  }

  /** True when the server accepts a query. Never throws. */
  async ready(): Promise<boolean> {
    try {
      return (await this.run('SELECT 1;')) === '1';
    } catch {
      return false;
    }
  }
}
