/**
 * The persisted shape of a local model (`<model dir>/model.json`).
 *
 * Everything here is plain JSON so the whole model can be written atomically in one file.
 */

import type { ActionSpec, ConfigOptionSchema, ConfigOptionType, ConfigOptionValue, EndpointRole } from '../../charm';

export type { ConfigOptionType, EndpointRole };

/** A config option value, typed by the charm's `config.yaml`. */
export type ConfigValue = ConfigOptionValue;

/** One option of a charm's `config.yaml` (as the one charm-file reader returns it). */
export type ConfigOption = ConfigOptionSchema;

/** One endpoint of a charm. */
export interface CharmEndpoint {
  readonly name: string;
  readonly role: EndpointRole;
  readonly interface: string;
}

/** One action of a charm's `actions.yaml`: its JSON-schema params. */
export type CharmAction = ActionSpec;

/** What the agent needs from a charm's metadata, config and actions, read once at deploy. */
export interface CharmInfo {
  readonly name: string;
  readonly endpoints: CharmEndpoint[];
  readonly extraBindings: string[];
  readonly resources: string[];
  readonly config: Record<string, ConfigOption>;
  readonly actions: Record<string, CharmAction>;
}

/** A workload status as `status-set` records it. */
export type WorkloadStatusName = 'unknown' | 'maintenance' | 'blocked' | 'waiting' | 'active' | 'error';

/** One status entry, also the element of the status history. */
export interface StatusEntry {
  readonly status: WorkloadStatusName;
  readonly message: string;
  /** ISO time the status was set. */
  readonly since: string;
}

/** A hook waiting in a unit's queue. */
export interface QueuedHook {
  /** Global order of enqueueing: the scheduler runs the lowest first. */
  readonly seq: number;
  readonly hook: string;
  readonly relationId?: number;
  readonly remoteUnit?: string;
  readonly remoteApp?: string;
  readonly departingUnit?: string;
}

/** The hook a unit failed on; its queue is paused until `resolve`. */
export interface UnitError {
  readonly hook: string;
  readonly message: string;
}

/** One unit of an application. */
export interface UnitRecord {
  readonly name: string;
  readonly number: number;
  /** Charm dir relative to the model dir (`units/<app>-<n>/charm`). */
  readonly charmDir: string;
  status: StatusEntry;
  history: StatusEntry[];
  error: UnitError | null;
  queue: QueuedHook[];
  /** Committed opened ports, normalized (`80/tcp`, `8000-8080/udp`, `icmp`). */
  ports: string[];
  /** Set by remove-unit/remove-application: the unit is leaving and is gone after `remove`. */
  dying: boolean;
  /** Set once `install` succeeded. */
  installed: boolean;
  /**
   * The unit's own address on the model's unit network (its "machine"), chosen when the unit is
   * created; absent when the agent runs without one (every unit then reports the shared address).
   */
  address?: string;
}

/** One deployed application. */
export interface ApplicationRecord {
  readonly name: string;
  readonly charm: CharmInfo;
  /** Charm copy relative to the model dir (`applications/<app>/charm`). */
  readonly charmDir: string;
  /** Where the charm was deployed from (absolute path). */
  readonly source: string;
  /** The layer `source` was built from, when a layer was deployed (a refresh rebuilds it). */
  readonly layer?: string;
  /** Options set explicitly by the operator (defaults come from `charm.config`). */
  config: Record<string, ConfigValue>;
  units: Record<string, UnitRecord>;
  nextUnit: number;
  leader: string | null;
  leaderData: Record<string, string>;
  /** Status set by the leader with `status-set --application`, if any. */
  status: StatusEntry | null;
  workloadVersion: string;
  dying: boolean;
}

/** One side of a relation. */
export interface RelationEndpointRef {
  readonly app: string;
  readonly endpoint: string;
  readonly role: EndpointRole;
  readonly interface: string;
}

/** A relation between two endpoints (or a peer relation: both sides the same). */
export interface RelationRecord {
  readonly id: number;
  readonly endpoints: readonly [RelationEndpointRef, RelationEndpointRef] | readonly [RelationEndpointRef];
  /** Unit data bags (values are strings, as in Juju). */
  unitData: Record<string, Record<string, string>>;
  /** Application data bags, by application name. */
  appData: Record<string, Record<string, string>>;
  /** For each local unit, the remote units it has seen join (its `relation-list`). */
  scope: Record<string, string[]>;
  /** Units that have started their `-relation-broken` hook: the relation is gone for them. */
  left: string[];
  /** Set by unrelate or application removal. */
  dying: boolean;
  /**
   * Units whose bag got Juju's address keys on entering the relation (absent in models written
   * before the agent wrote them: those units get them on their next hook).
   */
  entered?: string[];
}

/** The model's unit network: a Docker bridge network the agent owns, holding the unit addresses. */
export interface UnitNetworkRecord {
  /** Docker network name. */
  readonly name: string;
  /** Host bridge device (`com.docker.network.bridge.name`). */
  readonly bridge: string;
  /** `a.b.c.0/24` (see `subnetLayout`). */
  readonly subnet: string;
  /** The unit address handed out last (the next one is taken after it). */
  lastAddress?: string;
}

/** The whole model file. */
export interface ModelData {
  readonly version: 1;
  readonly name: string;
  readonly uuid: string;
  nextRelationId: number;
  nextSeq: number;
  applications: Record<string, ApplicationRecord>;
  relations: RelationRecord[];
  /** Set while the model has its unit network (absent: units share one address). */
  unitNetwork?: UnitNetworkRecord;
  /** Why the unit network could not be set up, while that is so (shown by `status`). */
  unitNetworkWarning?: string;
}
