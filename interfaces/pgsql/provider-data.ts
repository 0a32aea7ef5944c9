/**
 * The pgsql provides side's pure core: what a consumer asked for, and the bag we publish back —
 * the PostgreSQL charm's legacy `db` protocol (canonical/postgresql-operator
 * `src/relations/db.py`, read by canonical/ops-lib-pgsql `pgsql/client.py`; see
 * docs/interfaces.md for the key-by-key table).
 */
import { ConnectionString } from './connection-string';
import { splitList } from './pgsql-data';
import { relationText, type RemoteUnitData } from 'rxcharm';

/** What a consumer application requested: its application bag first, else any of its units. */
export interface ConsumerRequest {
  readonly database: string | undefined;
  readonly roles: readonly string[];
  /** `name` or `name:schema` entries. */
  readonly extensions: readonly string[];
  /**
   * The request's values exactly as the consumer wrote them, mirrored back unchanged: clients
   * compare the mirror with what they wrote, string for string, before they use the master.
   */
  readonly mirror: { readonly roles?: string; readonly extensions?: string };
  /** The egress subnets of the consumer's units (Juju's `egress-subnets`, comma-separated). */
  readonly egressSubnets: readonly string[];
}

/** Credentials and location of a database prepared for one consumer. */
export interface DatabaseGrant {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly password: string;
  /** Consumer units granted access (published space-separated in `allowed-units`). */
  readonly allowedUnits: readonly string[];
  /** Subnets granted access in pg_hba (published comma-separated in `allowed-subnets`). */
  readonly allowedSubnets: readonly string[];
  /** The consumer's request values to mirror (see {@link ConsumerRequest.mirror}). */
  readonly mirror?: ConsumerRequest['mirror'];
  /** PostgreSQL version (`15.5`), if known. */
  readonly version?: string;
}

function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * The consumer's request: `database`, `roles`, `extensions` from its application bag (current
 * clients, ops-lib-pgsql, write it there when leader), else from the first unit that has the key
 * (older clients write unit bags only); plus every unit's `egress-subnets`.
 */
export function readConsumerRequest(
  units: readonly RemoteUnitData[],
  appData: RemoteUnitData['data'] = {},
): ConsumerRequest {
  const read = (key: string): string | undefined =>
    relationText(appData, key) ?? units.map((u) => relationText(u.data, key)).find((v) => v !== undefined);
  const roles = read('roles');
  const extensions = read('extensions');
  const subnets = new Set(units.flatMap((u) => commaList(relationText(u.data, 'egress-subnets'))));
  return {
    database: read('database'),
    roles: splitList(roles),
    extensions: splitList(extensions),
    mirror: {
      ...(roles === undefined ? {} : { roles }),
      ...(extensions === undefined ? {} : { extensions }),
    },
    egressSubnets: [...subnets].sort(),
  };
}

/** An extension request entry split into its name and optional schema (`citext:myschema`). */
export function parseExtension(entry: string): { readonly name: string; readonly schema?: string } {
  const at = entry.indexOf(':');
  if (at < 0) return { name: entry };
  return { name: entry.slice(0, at), schema: entry.slice(at + 1) };
}

/**
 * The relation bag a provider unit publishes for one consumer (the PostgreSQL charm's keys).
 * `standbys` is empty with a single unit, so it is absent (Juju drops empty values).
 */
export function grantBag(grant: DatabaseGrant): Record<string, string> {
  const master = new ConnectionString({
    host: grant.host,
    port: grant.port,
    dbname: grant.database,
    user: grant.user,
    password: grant.password,
  });
  const bag: Record<string, string> = {
    host: grant.host,
    port: String(grant.port),
    database: grant.database,
    user: grant.user,
    password: grant.password,
    schema_user: grant.user,
    schema_password: grant.password,
    'allowed-units': [...new Set(grant.allowedUnits)].sort().join(' '),
    'allowed-subnets': [...new Set(grant.allowedSubnets)].sort().join(','),
    master: master.toString(),
    state: 'standalone',
  };
  if (grant.mirror?.roles) bag.roles = grant.mirror.roles;
  if (grant.mirror?.extensions) bag.extensions = grant.mirror.extensions;
  if (grant.version !== undefined) bag.version = grant.version;
  for (const [key, value] of Object.entries(bag)) if (value === '') delete bag[key];
  return bag;
}
