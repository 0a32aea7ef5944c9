import type { JsonValue } from '../unit';
import { clearFlag, isFlagSet, setFlag, toggleFlag } from '../reactive';
import type { DepartedUnit, EndpointRole, EndpointSnapshot } from './endpoint-snapshot';
import { ReceivedBag } from './received-bag';
import { Relation, type RelatedUnit } from './relation';
import type { RemoteUnitData } from './relation-value';

/** What the runtime gives every endpoint instance. */
export interface EndpointInit {
  readonly snapshot: EndpointSnapshot;
  readonly isLeader: boolean;
}

/**
 * Base class of an interface role (`RedisRequires extends Endpoint`). The runtime makes one
 * instance per endpoint name in metadata.yaml, before handlers run, and registers the class's
 * decorated methods with `{endpoint_name}` replaced by that name; they run with `this` = the
 * instance.
 *
 * Automatic flags (see docs/hook-runtime.md): `endpoint.<name>.joined`, `.changed`,
 * `.changed.<key>`, `.departed`.
 *
 * @example
 * ```ts
 * export class RedisRequires extends Endpoint {
 *   @when('endpoint.{endpoint_name}.changed.host')
 *   onHost(): void { this.toggleFlag('{endpoint_name}.available', this.received.get('host') !== undefined); }
 * }
 * ```
 */
export class Endpoint {
  /** The endpoint name from metadata.yaml (`db`). */
  readonly endpointName: string;
  readonly role: EndpointRole;
  readonly interfaceName: string;
  /**
   * Whether this unit is the application leader (at hook start), as far as relation data goes:
   * false when the unit has no relations at all (the runtime does not ask then).
   */
  readonly isLeader: boolean;
  readonly #relations: readonly Relation[];
  readonly #departed: readonly DepartedUnit[];

  constructor(init: EndpointInit) {
    const { snapshot } = init;
    this.endpointName = snapshot.name;
    this.role = snapshot.role;
    this.interfaceName = snapshot.interfaceName;
    this.isLeader = init.isLeader;
    this.#relations = Object.freeze(snapshot.relations.map((r) => new Relation(snapshot.name, r, init.isLeader)));
    this.#departed = Object.freeze([...snapshot.departed]);
  }

  /** Established relations, by relation number. */
  get relations(): readonly Relation[] {
    return this.#relations;
  }

  /** A relation by id (`db:3`), or undefined. */
  relation(relationId: string): Relation | undefined {
    return this.#relations.find((r) => r.relationId === relationId);
  }

  /** Every remote unit in scope over all relations, by (relation, unit number). */
  get joinedUnits(): readonly RelatedUnit[] {
    return this.#relations.flatMap((r) => r.units);
  }

  /**
   * Every joined unit's data in the form an interface's pure reader takes (`readRedisUnits`,
   * `readHttpServices`...): unit, application, relation id and the raw bag.
   */
  remoteUnitData(): RemoteUnitData[] {
    return this.joinedUnits.map((u) => ({
      unit: u.unitName,
      application: u.applicationName,
      relationId: u.relation.relationId,
      data: u.received.toRaw(),
    }));
  }

  /** True when at least one remote unit is in scope. */
  get isJoined(): boolean {
    return this.joinedUnits.length > 0;
  }

  /**
   * All joined units' data merged; for a key several units publish, the first unit in
   * {@link joinedUnits} order wins (deterministic, like charms.reactive).
   */
  get received(): ReceivedBag {
    const merged: Record<string, string> = {};
    for (const unit of [...this.joinedUnits].reverse()) Object.assign(merged, unit.received.toRaw());
    const first = this.joinedUnits[0];
    return new ReceivedBag(merged, {
      endpoint: this.endpointName,
      relationId: first?.relation.relationId ?? '(none)',
      unit: '(merged)',
    });
  }

  /** Remote applications' bags merged the same way (first relation wins). */
  get receivedApp(): ReceivedBag {
    const merged: Record<string, string> = {};
    for (const r of [...this.#relations].reverse()) Object.assign(merged, r.receivedApp.toRaw());
    return new ReceivedBag(merged, {
      endpoint: this.endpointName,
      relationId: this.#relations[0]?.relationId ?? '(none)',
      unit: '(merged app)',
    });
  }

  /** Units that departed in this hook (`<name>-relation-departed`), with their last data. */
  get departedUnits(): readonly DepartedUnit[] {
    return this.#departed;
  }

  /** Stages `key` = `value` (JSON) in this unit's bag on every relation. */
  publish(key: string, value: JsonValue | undefined): void {
    for (const r of this.#relations) r.toPublish.set(key, value);
  }

  /** Stages `key` = `value` in the application bag on every relation (leader only). */
  publishApp(key: string, value: JsonValue | undefined): void {
    for (const r of this.#relations) r.toPublishApp.set(key, value);
  }

  /**
   * `{endpoint_name}` → this endpoint's name; a flag without the placeholder gets the automatic
   * prefix: `expandName('ready')` = `endpoint.db.ready`, `expandName('{endpoint_name}.available')`
   * = `db.available`.
   */
  expandName(flag: string): string {
    return flag.includes('{endpoint_name}')
      ? flag.split('{endpoint_name}').join(this.endpointName)
      : `endpoint.${this.endpointName}.${flag}`;
  }

  /** Sets `expandName(flag)` in the current dispatch. */
  setFlag(flag: string): void {
    setFlag(this.expandName(flag));
  }

  clearFlag(flag: string): void {
    clearFlag(this.expandName(flag));
  }

  toggleFlag(flag: string, value?: boolean): void {
    toggleFlag(this.expandName(flag), value);
  }

  isFlagSet(flag: string): boolean {
    return isFlagSet(this.expandName(flag));
  }
}

/** A constructor of an Endpoint subclass, as interface packages export them. */
export type EndpointClass<T extends Endpoint = Endpoint> = new (init: EndpointInit) => T;
