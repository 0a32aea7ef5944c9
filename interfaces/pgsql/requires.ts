import { connectedEndpoint, currentHook } from 'rxcharm';
import type { ConnectionString } from './connection-string';
import { joinList, readPgsqlUnits, splitList, type PgsqlReading, type PgsqlRequest } from './pgsql-data';

/** The data flag: set while joined and some unit published a usable master connection. */
const DATABASE_AVAILABLE = '{endpoint_name}.database.available';

/**
 * The client side of `interface: pgsql`.
 *
 * Flags: `{endpoint_name}.connected` while a postgresql unit is joined;
 * `{endpoint_name}.database.available` while a master connection is ready (host, port,
 * database, user, password present; this unit listed in `allowed-units` when the provider sends
 * it, and its egress subnets in `allowed-subnets` when the provider sends that; the requested
 * database/roles/extensions mirrored). Requests go to this unit's bag and, on the leader, to the
 * application bag too (the PostgreSQL charm reads the application bag first). While joined
 * without a master, {@link PgsqlRequires.waitingFor} names the key it waits for.
 */
export class PgsqlRequires extends connectedEndpoint<PgsqlReading>('pgsql', DATABASE_AVAILABLE) {
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

  /**
   * What the master waits for, for a status message (`roles: waiting for the requested roles`),
   * or undefined when a master is available or no provider unit is joined. A provider that never
   * mirrors a request (the newer PostgreSQL charm refuses `roles`) shows here instead of leaving
   * the charm waiting silently.
   */
  waitingFor(): string | undefined {
    if (!this.isJoined) return undefined;
    const reading = this.reading();
    if (reading.master !== undefined) return undefined;
    const first = reading.problems[0];
    return first === undefined ? 'master: not published yet' : `${first.key}: ${first.reason}`;
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

  /** This unit's egress subnets in the (first) relation, as Juju wrote them into its own bag. */
  protected egressSubnets(): string[] {
    return splitList(this.relations[0]?.toPublish.raw('egress-subnets'));
  }

  override reading(): PgsqlReading {
    return readPgsqlUnits(this.remoteUnitData(), this.localUnitName(), this.request(), this.egressSubnets());
  }

  private publishRequest(key: string, value: string): void {
    for (const relation of this.relations) {
      relation.toPublish.setRaw(key, value);
      if (this.isLeader) relation.toPublishApp.setRaw(key, value);
    }
    // A changed request must wait for the provider to answer it again.
    this.updateFlags(this.reading());
  }

  override updateFlags(reading: PgsqlReading): void {
    this.toggleFlag('{endpoint_name}.connected', this.isJoined);
    this.toggleFlag(DATABASE_AVAILABLE, this.isJoined && reading.master !== undefined);
  }
}
