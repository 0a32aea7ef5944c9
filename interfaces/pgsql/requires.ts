import { Endpoint, currentHook, reportDataProblems, when, whenAny, whenNot, type RemoteUnitData } from 'rxcharm';
import type { ConnectionString } from './connection-string';
import { joinList, readPgsqlUnits, splitList, type PgsqlReading, type PgsqlRequest } from './pgsql-data';

/**
 * The client side of `interface: pgsql`.
 *
 * Flags: `{endpoint_name}.connected` while a postgresql unit is joined;
 * `{endpoint_name}.database.available` while a master connection is ready (host, port,
 * database, user, password present; this unit listed in `allowed-units` when the provider sends
 * it; the requested database/roles/extensions mirrored).
 */
export class PgsqlRequires extends Endpoint {
  @whenAny('endpoint.{endpoint_name}.changed', 'endpoint.{endpoint_name}.departed')
  onDataChanged(): void {
    const reading = this.reading();
    reportDataProblems('pgsql', this.endpointName, reading.problems);
    this.updateFlags(reading);
  }

  @when('endpoint.{endpoint_name}.joined')
  @whenNot('{endpoint_name}.connected')
  onJoined(): void {
    this.updateFlags(this.reading());
  }

  @whenNot('endpoint.{endpoint_name}.joined')
  @whenAny('{endpoint_name}.connected', '{endpoint_name}.database.available')
  onGone(): void {
    this.clearFlag('{endpoint_name}.connected');
    this.clearFlag('{endpoint_name}.database.available');
  }

  /** The master's connection (libpq string with `host`, `port`, `dbname`, `user`, `password`, `uri`), or undefined. */
  get master(): ConnectionString | undefined {
    return this.reading().master;
  }

  host(): string | undefined {
    return this.master?.host;
  }

  port(): number | undefined {
    return this.master?.port;
  }

  user(): string | undefined {
    return this.master?.user;
  }

  password(): string | undefined {
    return this.master?.password;
  }

  database(): string | undefined {
    return this.master?.dbname;
  }

  /** Ask for a database by name (the provider defaults to the client application's name). */
  setDatabase(name: string): void {
    this.publishRequest('database', name.trim());
  }

  /** Ask for roles to be granted to the user (sorted, comma-joined on the wire). */
  setRoles(roles: readonly string[]): void {
    this.publishRequest('roles', joinList(roles));
  }

  /** Ask for extensions to be created in the database. */
  setExtensions(extensions: readonly string[]): void {
    this.publishRequest('extensions', joinList(extensions));
  }

  /** What this unit asked for, as published. */
  request(): PgsqlRequest {
    const bag = this.relations[0]?.toPublish;
    if (bag === undefined) return {};
    const database = bag.raw('database');
    return {
      ...(database === undefined ? {} : { database }),
      roles: splitList(bag.raw('roles')),
      extensions: splitList(bag.raw('extensions')),
    };
  }

  /**
   * This unit's name, for the `allowed-units` check: from the running hook's context (endpoints
   * are not given it at construction). Outside a hook it is unknown and the check is skipped.
   */
  protected localUnitName(): string | undefined {
    try {
      return currentHook('PgsqlRequires.localUnitName').context.unitName;
    } catch {
      return undefined;
    }
  }

  protected remoteUnits(): RemoteUnitData[] {
    return this.joinedUnits.map((u) => ({
      unit: u.unitName,
      application: u.applicationName,
      relationId: u.relation.relationId,
      data: u.received.toRaw(),
    }));
  }

  private reading(): PgsqlReading {
    return readPgsqlUnits(this.remoteUnits(), this.localUnitName(), this.request());
  }

  private publishRequest(key: string, value: string): void {
    for (const relation of this.relations) relation.toPublish.setRaw(key, value);
    // A changed request must wait for the provider to answer it again.
    this.updateFlags(this.reading());
  }

  private updateFlags(reading: PgsqlReading): void {
    this.toggleFlag('{endpoint_name}.connected', this.isJoined);
    this.toggleFlag('{endpoint_name}.database.available', this.isJoined && reading.master !== undefined);
  }
}
