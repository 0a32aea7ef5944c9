import { NotLeaderError } from './endpoint-errors';
import { sortUnits, type RelationSnapshot } from './endpoint-snapshot';
import { PublishBag } from './publish-bag';
import { ReceivedBag } from './received-bag';

/** A remote unit in a relation, with the data it published. */
export class RelatedUnit {
  readonly unitName: string;
  readonly applicationName: string;
  readonly relation: Relation;
  readonly received: ReceivedBag;

  constructor(relation: Relation, unitName: string, received: ReceivedBag) {
    this.relation = relation;
    this.unitName = unitName;
    this.applicationName = unitName.slice(0, unitName.lastIndexOf('/'));
    this.received = received;
  }
}

/**
 * One relation of an endpoint: its remote units and bags, and this unit's outgoing bags.
 * Built by the runtime at hook start; outgoing data is sent when the hook succeeds.
 */
export class Relation {
  /** `<endpoint>:<n>`. */
  readonly relationId: string;
  readonly endpointName: string;
  /** The remote application (from `relation-list --app`, else the first unit), or null. */
  readonly applicationName: string | null;
  /** Remote units in scope, sorted by unit number. */
  readonly units: readonly RelatedUnit[];
  /** The remote application's bag. */
  readonly receivedApp: ReceivedBag;
  /** This unit's outgoing bag. */
  readonly toPublish: PublishBag;
  /** This application's outgoing bag: writable by the leader only ({@link NotLeaderError}). */
  readonly toPublishApp: PublishBag;

  constructor(endpointName: string, snapshot: RelationSnapshot, isLeader: boolean) {
    this.relationId = snapshot.relationId;
    this.endpointName = endpointName;
    const names = sortUnits(Object.keys(snapshot.units));
    this.applicationName =
      snapshot.remoteApp ?? (names[0] === undefined ? null : names[0].slice(0, names[0].lastIndexOf('/')));
    this.units = Object.freeze(
      names.map(
        (u) =>
          new RelatedUnit(
            this,
            u,
            new ReceivedBag(snapshot.units[u] ?? {}, {
              endpoint: endpointName,
              relationId: snapshot.relationId,
              unit: u,
            }),
          ),
      ),
    );
    this.receivedApp = new ReceivedBag(snapshot.appData, {
      endpoint: endpointName,
      relationId: snapshot.relationId,
      unit: this.applicationName ?? '(application)',
    });
    this.toPublish = new PublishBag(snapshot.localUnit);
    this.toPublishApp = new PublishBag(snapshot.localApp, () => {
      if (!isLeader) throw new NotLeaderError(snapshot.relationId);
    });
  }
}
