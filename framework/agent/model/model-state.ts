import { ModelLookupError } from '../errors';
import type {
  ApplicationRecord,
  ModelData,
  QueuedHook,
  RelationEndpointRef,
  RelationRecord,
  StatusEntry,
  UnitRecord,
  WorkloadStatusName,
} from './types';

/** How many status entries a unit or application keeps. */
export const STATUS_HISTORY_LIMIT = 100;

/** The status a new unit shows until its charm says otherwise. */
export const INITIAL_MESSAGE = 'agent initializing';

/** Fields of a hook to enqueue (the sequence number is assigned by the model). */
export type HookRequest = Omit<QueuedHook, 'seq'>;

/** Application name of a unit name (`app/0` → `app`). */
export function appOfUnit(unit: string): string {
  const at = unit.lastIndexOf('/');
  return at < 0 ? unit : unit.slice(0, at);
}

/**
 * The model in memory: lookups, the hook queues and the status book-keeping every operation
 * shares. Operations that change the topology live in their own files (`deploy-ops`,
 * `relation-ops`, `removal-ops`, `hook-progress`) and act on a `ModelState`.
 *
 * Pure: no file system, no clock (the clock is passed in).
 */
export class ModelState {
  /** The plain JSON document; mutate only through the operations. */
  readonly data: ModelData;
  /** Returns the current time as an ISO string. */
  readonly now: () => string;
  /**
   * Seq of the hook each unit is running right now. In memory only: a running hook stays at the
   * head of its queue until it finishes, and only this says whether the head has started.
   */
  private readonly started = new Map<string, number>();

  constructor(data: ModelData, now: () => string = () => new Date().toISOString()) {
    this.data = data;
    this.now = now;
  }

  /** A new empty model. */
  static empty(name: string, uuid: string): ModelData {
    return { version: 1, name, uuid, nextRelationId: 0, nextSeq: 1, applications: {}, relations: [] };
  }

  /** @throws ModelLookupError when the application does not exist. */
  app(name: string): ApplicationRecord {
    const app = this.data.applications[name];
    if (app === undefined) {
      const known = Object.keys(this.data.applications).sort();
      throw new ModelLookupError(
        'application',
        name,
        known.length ? `applications: ${known.join(', ')}` : 'the model has no applications',
      );
    }
    return app;
  }

  /** @throws ModelLookupError when the unit does not exist. */
  unit(name: string): UnitRecord {
    const app = this.data.applications[appOfUnit(name)];
    const unit = app?.units[name];
    if (unit === undefined) {
      const known = this.allUnits().map((u) => u.name);
      throw new ModelLookupError('unit', name, known.length ? `units: ${known.join(', ')}` : 'the model has no units');
    }
    return unit;
  }

  /** The unit if it exists. */
  findUnit(name: string): UnitRecord | undefined {
    return this.data.applications[appOfUnit(name)]?.units[name];
  }

  /** Every unit, applications and units in name/number order. */
  allUnits(): UnitRecord[] {
    return Object.keys(this.data.applications)
      .sort()
      .flatMap((app) => this.unitsOf(app, true));
  }

  /** Units of an application by number; dying units only when asked. */
  unitsOf(app: string, includeDying = false): UnitRecord[] {
    const record = this.data.applications[app];
    if (record === undefined) return [];
    return Object.values(record.units)
      .filter((u) => includeDying || !u.dying)
      .sort((a, b) => a.number - b.number);
  }

  /** @throws ModelLookupError when no relation has that id. */
  relation(id: number): RelationRecord {
    const relation = this.findRelation(id);
    if (relation === undefined) throw new ModelLookupError('relation', String(id));
    return relation;
  }

  findRelation(id: number): RelationRecord | undefined {
    return this.data.relations.find((r) => r.id === id);
  }

  /** Records a new relation (the next id, empty data, nobody in scope yet) and returns it. */
  addRelation(endpoints: RelationRecord['endpoints']): RelationRecord {
    const relation: RelationRecord = {
      id: this.data.nextRelationId++,
      endpoints,
      unitData: {},
      appData: {},
      scope: {},
      left: [],
      dying: false,
    };
    this.data.relations.push(relation);
    return relation;
  }

  /** Relations an application takes part in. */
  relationsOf(app: string): RelationRecord[] {
    return this.data.relations.filter((r) => r.endpoints.some((e) => e.app === app));
  }

  /** The side of a relation that belongs to `app` (for a peer relation, its only side). */
  localEndpoint(relation: RelationRecord, app: string): RelationEndpointRef {
    const ep = relation.endpoints.find((e) => e.app === app);
    if (ep === undefined) throw new ModelLookupError('endpoint of relation', `${relation.id} for ${app}`);
    return ep;
  }

  /** The other side of a relation, seen from `app` (itself for a peer relation). */
  remoteEndpoint(relation: RelationRecord, app: string): RelationEndpointRef {
    if (relation.endpoints.length === 1) return relation.endpoints[0];
    const ep = relation.endpoints.find((e) => e.app !== app);
    if (ep === undefined) throw new ModelLookupError('remote side of relation', `${relation.id} for ${app}`);
    return ep;
  }

  /** True when the relation is between units of one application. */
  isPeer(relation: RelationRecord): boolean {
    return relation.endpoints.length === 1;
  }

  /** The units on the other side of a relation for `unit` (other units of the app for peers). */
  remoteUnits(relation: RelationRecord, unit: string, includeDying = false): UnitRecord[] {
    const app = appOfUnit(unit);
    const remote = this.remoteEndpoint(relation, app);
    return this.unitsOf(remote.app, includeDying).filter((u) => u.name !== unit);
  }

  /** Units taking part in a relation (both sides, not yet left). */
  participants(relation: RelationRecord): UnitRecord[] {
    const apps = [...new Set(relation.endpoints.map((e) => e.app))];
    return apps.flatMap((app) => this.unitsOf(app, true)).filter((u) => !relation.left.includes(u.name));
  }

  /** Appends a hook to a unit's queue and returns it. */
  enqueue(unit: UnitRecord, request: HookRequest): QueuedHook {
    const queued: QueuedHook = { seq: this.data.nextSeq++, ...request };
    unit.queue.push(queued);
    return queued;
  }

  /** Appends the `<endpoint>-relation-<kind>` hook for `relation` to a unit's queue. */
  enqueueRelationHook(
    unit: UnitRecord,
    relation: RelationRecord,
    kind: 'created' | 'joined' | 'changed' | 'departed' | 'broken',
    remoteUnit?: string,
    departingUnit?: string,
  ): QueuedHook {
    const app = appOfUnit(unit.name);
    const local = this.localEndpoint(relation, app);
    const remote = this.remoteEndpoint(relation, app);
    const request: HookRequest = {
      hook: `${local.endpoint}-relation-${kind}`,
      relationId: relation.id,
      remoteApp: remote.app,
      ...(remoteUnit === undefined ? {} : { remoteUnit }),
      ...(departingUnit === undefined ? {} : { departingUnit }),
    };
    return this.enqueue(unit, request);
  }

  /** Sets a unit's workload status, recording a history entry when it changes. */
  setUnitStatus(unit: UnitRecord, status: WorkloadStatusName, message: string): void {
    if (unit.status.status === status && unit.status.message === message) return;
    const entry: StatusEntry = { status, message, since: this.now() };
    unit.status = entry;
    unit.history.push(entry);
    if (unit.history.length > STATUS_HISTORY_LIMIT) unit.history.splice(0, unit.history.length - STATUS_HISTORY_LIMIT);
  }

  /** Sets the application status (leader's `status-set --application`). */
  setAppStatus(app: ApplicationRecord, status: WorkloadStatusName, message: string): void {
    app.status = { status, message, since: this.now() };
  }

  /** The status shown for a unit: `error` while a hook failed, else its workload status. */
  displayStatus(unit: UnitRecord): StatusEntry {
    if (unit.error !== null) return { status: 'error', message: unit.error.message, since: unit.status.since };
    return unit.status;
  }

  /** The status shown for an application: its own if the leader set one, else the worst unit's. */
  displayAppStatus(app: ApplicationRecord): StatusEntry {
    const units = this.unitsOf(app.name, true).map((u) => this.displayStatus(u));
    const worst = [...units].sort((a, b) => STATUS_RANK[b.status] - STATUS_RANK[a.status])[0];
    if (worst !== undefined && worst.status === 'error') return worst;
    if (app.status !== null) return app.status;
    return worst ?? { status: 'unknown', message: '', since: this.now() };
  }

  /** Records that `unit` started its hook `seq` (see {@link ModelState.isRunning}). */
  markStarted(unit: UnitRecord, seq: number): void {
    this.started.set(unit.name, seq);
  }

  /** Records that `unit`'s hook `seq` finished (ok or not). */
  markFinished(unit: UnitRecord, seq: number): void {
    if (this.started.get(unit.name) === seq) this.started.delete(unit.name);
  }

  /** True while `hook` of `unit` has started and not finished. */
  isRunning(unit: UnitRecord, hook: QueuedHook): boolean {
    return this.started.get(unit.name) === hook.seq;
  }

  /** Units that have a runnable hook (queue not empty, not in error). */
  runnableUnits(): UnitRecord[] {
    return this.allUnits().filter((u) => u.error === null && u.queue.length > 0);
  }
}

const STATUS_RANK: Record<WorkloadStatusName, number> = {
  unknown: 0,
  active: 1,
  waiting: 2,
  maintenance: 3,
  blocked: 4,
  error: 5,
};
