import type { EndpointRole } from '../charm';
import type { RelationData } from '../hookenv';

/** Everything read from Juju about one relation at hook start. */
export interface RelationSnapshot {
  /** `<endpoint>:<n>`. */
  readonly relationId: string;
  readonly remoteApp: string | null;
  /** Remote units in scope, with their bags. */
  readonly units: Readonly<Record<string, RelationData>>;
  /** The remote application's bag. */
  readonly appData: RelationData;
  /** This unit's current bag. */
  readonly localUnit: RelationData;
  /** This application's bag (leader only; `{}` otherwise). */
  readonly localApp: RelationData;
}

/** A unit that left during this hook (`<endpoint>-relation-departed`), with its last data. */
export interface DepartedUnit {
  readonly relationId: string;
  readonly unitName: string;
  readonly data: RelationData;
}

/** The role of an endpoint in metadata.yaml. */
export type { EndpointRole };

/** One endpoint as read at hook start. */
export interface EndpointSnapshot {
  readonly name: string;
  readonly role: EndpointRole;
  readonly interfaceName: string;
  /** Sorted by relation number. */
  readonly relations: readonly RelationSnapshot[];
  readonly departed: readonly DepartedUnit[];
}

/** The number of a relation id (`db:12` → 12). */
export function relationNumber(relationId: string): number {
  return Number(relationId.slice(relationId.lastIndexOf(':') + 1));
}

/** The number of a unit name (`redis/3` → 3). */
export function unitNumber(unitName: string): number {
  return Number(unitName.slice(unitName.lastIndexOf('/') + 1));
}

/** Unit names sorted by application, then number (so `x/10` follows `x/9`). */
export function sortUnits(names: readonly string[]): string[] {
  return [...names].sort((a, b) => {
    const appA = a.slice(0, a.lastIndexOf('/'));
    const appB = b.slice(0, b.lastIndexOf('/'));
    return appA === appB ? unitNumber(a) - unitNumber(b) : appA < appB ? -1 : 1;
  });
}
