/**
 * The pgsql provides side's pure core: what a consumer asked for, and the bag we publish back.
 */
import { ConnectionString } from './connection-string';
import { joinList, splitList } from './pgsql-data';
import { relationText, type RemoteUnitData } from 'rxcharm';

/** What a consumer application requested (from any of its units; they all publish the same). */
export interface ConsumerRequest {
  readonly database: string | undefined;
  readonly roles: readonly string[];
  readonly extensions: readonly string[];
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
  /** Mirrored requests, so the consumer knows its request was honoured. */
  readonly roles?: readonly string[];
  readonly extensions?: readonly string[];
  /** PostgreSQL major version, if known. */
  readonly version?: string;
}

/** The consumer's request, read from its units' bags. */
export function readConsumerRequest(units: readonly RemoteUnitData[]): ConsumerRequest {
  const first = (key: string) => units.map((u) => relationText(u.data, key)).find((v) => v !== undefined);
  return { database: first('database'), roles: splitList(first('roles')), extensions: splitList(first('extensions')) };
}

/** The relation bag a provider unit publishes for one consumer (the postgresql charm's keys). */
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
    master: master.toString(),
    state: 'standalone',
  };
  if (grant.roles !== undefined) bag.roles = joinList(grant.roles);
  if (grant.extensions !== undefined) bag.extensions = joinList(grant.extensions);
  if (grant.version !== undefined) bag.version = grant.version;
  return bag;
}
