/**
 * Reading values out of a remote unit's relation data, for interface layers.
 *
 * Juju stores strings. Some providers publish raw strings (`6379`), Endpoint-era Python
 * providers publish JSON (`"10.0.0.1"`, `6379`); both are accepted so that either kind of
 * provider interoperates.
 */

/** One remote unit's data as the requires side sees it. */
export interface RemoteUnitData {
  /** `redis/0` */
  readonly unit: string;
  /** Remote application; derived from `unit` when absent. */
  readonly application?: string;
  /** Juju relation id (`redis:3`). */
  readonly relationId?: string;
  /** The unit's relation data bag (raw strings). */
  readonly data: Readonly<Record<string, string | undefined>>;
}

/** Why a remote unit's data was not usable: `missing` (not published yet) or `invalid` (bad value). */
export interface DataProblem {
  readonly unit: string;
  readonly key: string;
  readonly kind: 'missing' | 'invalid';
  readonly reason: string;
}

/** A raw bag value, JSON-decoded when it is a JSON string or number; `undefined` when empty. */
export function relationText(data: RemoteUnitData['data'], key: string): string | undefined {
  const raw = data[key];
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  if (trimmed.startsWith('"')) {
    try {
      const decoded: unknown = JSON.parse(trimmed);
      if (typeof decoded === 'string') return decoded === '' ? undefined : decoded;
    } catch {
      // not JSON: the raw string is the value
    }
  }
  return raw === '' ? undefined : raw;
}

/** A TCP port (1–65535) from a raw or JSON-encoded value. */
export function relationPort(data: RemoteUnitData['data'], key: string): number | 'invalid' | undefined {
  const text = relationText(data, key);
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return 'invalid';
  const port = Number(trimmed);
  return port >= 1 && port <= 65535 ? port : 'invalid';
}

/** The application a unit belongs to (`redis/0` → `redis`). */
export function remoteApplicationOf(unit: RemoteUnitData): string {
  return unit.application ?? unit.unit.split('/')[0];
}
