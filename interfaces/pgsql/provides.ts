import { Endpoint, when, whenAny, whenNot, type Relation } from 'rxcharm';
import { grantBag, readConsumerRequest, type ConsumerRequest, type DatabaseGrant } from './provider-data';

/** One consumer application on one relation. */
export interface PgsqlConsumer {
  readonly relationId: string;
  readonly application: string | null;
  /** Joined consumer units (to list in `allowed-units`). */
  readonly units: readonly string[];
  readonly request: ConsumerRequest;
  /** True when what we published answers the current request for every joined unit. */
  readonly granted: boolean;
}

function answers(relation: Relation, units: readonly string[], request: ConsumerRequest): boolean {
  const bag = relation.toPublish;
  const database = bag.raw('database');
  if (database === undefined || bag.raw('password') === undefined) return false;
  if (request.database !== undefined && request.database !== database) return false;
  if ((request.mirror.roles ?? '') !== (bag.raw('roles') ?? '')) return false;
  if ((request.mirror.extensions ?? '') !== (bag.raw('extensions') ?? '')) return false;
  const allowed = new Set((bag.raw('allowed-units') ?? '').split(/\s+/));
  const subnets = new Set((bag.raw('allowed-subnets') ?? '').split(','));
  return units.every((u) => allowed.has(u)) && request.egressSubnets.every((s) => subnets.has(s));
}

/** Keys a grant may leave out; a previous value is removed when the new grant has none. */
const OPTIONAL_KEYS = ['roles', 'extensions', 'version', 'allowed-subnets', 'standbys'] as const;

/**
 * The server side of `interface: pgsql`, publishing what the postgresql charm publishes.
 *
 * Flags: `{endpoint_name}.connected` while a consumer unit is joined;
 * `{endpoint_name}.database.requested` while some consumer's request is not answered yet
 * (call {@link PgsqlProvides.provideDatabase} for each entry of {@link PgsqlProvides.consumers}
 * with `granted: false`).
 */
export class PgsqlProvides extends Endpoint {
  @whenAny('endpoint.{endpoint_name}.changed', 'endpoint.{endpoint_name}.departed')
  onDataChanged(): void {
    this.updateFlags();
  }

  @when('endpoint.{endpoint_name}.joined')
  @whenNot('{endpoint_name}.connected')
  onJoined(): void {
    this.updateFlags();
  }

  @whenNot('endpoint.{endpoint_name}.joined')
  @whenAny('{endpoint_name}.connected', '{endpoint_name}.database.requested')
  onGone(): void {
    this.clearFlag('{endpoint_name}.connected');
    this.clearFlag('{endpoint_name}.database.requested');
  }

  /** Every relation with joined consumer units, with its request and whether it is answered. */
  consumers(): PgsqlConsumer[] {
    return this.relations
      .filter((r) => r.units.length > 0)
      .map((r) => {
        const units = r.units.map((u) => u.unitName);
        const request = readConsumerRequest(
          r.units.map((u) => ({ unit: u.unitName, data: u.received.toRaw() })),
          r.receivedApp.toRaw(),
        );
        return {
          relationId: r.relationId,
          application: r.applicationName,
          units,
          request,
          granted: answers(r, units, request),
        };
      });
  }

  /**
   * Publish a database for the consumer on `relationId`, as the PostgreSQL charm's legacy `db`
   * relation does: `host`, `port`, `database`, `user`, `password`, `schema_user`,
   * `schema_password`, `allowed-units`, `allowed-subnets`, `master` (libpq string), `state`,
   * `version`, and the consumer's `roles`/`extensions` mirrored as it wrote them.
   * @throws RangeError when no such relation exists on this endpoint
   */
  provideDatabase(relationId: string, grant: DatabaseGrant): void {
    const relation = this.relation(relationId);
    if (relation === undefined)
      throw new RangeError(`pgsql provideDatabase: no relation ${relationId} on endpoint ${this.endpointName}`);
    const bag = grantBag(grant);
    for (const key of OPTIONAL_KEYS) if (!(key in bag)) relation.toPublish.delete(key);
    for (const [key, value] of Object.entries(bag)) relation.toPublish.setRaw(key, value);
    this.updateFlags();
  }

  private updateFlags(): void {
    this.toggleFlag('{endpoint_name}.connected', this.isJoined);
    this.toggleFlag(
      '{endpoint_name}.database.requested',
      this.consumers().some((c) => !c.granted),
    );
  }
}
