/**
 * The pgsql requires side's pure core: which connection (if any) is ready to use.
 *
 * Readiness, after the postgresql charm's client protocol: host, port, database, user and
 * password are present; when the provider sends `allowed-units`, this unit is listed (skipped
 * when the local unit name is unknown); when it sends `allowed-subnets`, this unit's egress
 * subnets are all in it (access is granted in pg_hba before either is published); and when this side requested a database, roles or
 * extensions, the provider has mirrored the same values (so we never use credentials made for
 * an earlier request). The master is taken from the v1/v2 `master` key when present, else from
 * the single unit whose `state` is `master` or `standalone` (or the only unit without a state).
 */
import { ConnectionString, ConnectionStringSyntax, parseConnectionString } from './connection-string';
import { relationPort, relationText, type DataProblem, type RemoteUnitData } from 'rxcharm';

/** What this side asked the provider for (empty when nothing was asked). */
export interface PgsqlRequest {
  readonly database?: string;
  readonly roles?: readonly string[];
  readonly extensions?: readonly string[];
}

/** The outcome of reading the provider's units. */
export interface PgsqlReading {
  readonly master: ConnectionString | undefined;
  readonly problems: readonly DataProblem[];
}

/** `a,b` → sorted unique list (the wire format of roles and extensions). */
export function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ].sort();
}

/** Sorted, comma-joined (what this side publishes). */
export function joinList(values: readonly string[]): string {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))].sort().join(',');
}

function problem(unit: RemoteUnitData, key: string, kind: DataProblem['kind'], reason: string): DataProblem {
  return { unit: unit.unit, key, kind, reason };
}

function fromMasterKey(unit: RemoteUnitData, text: string): ConnectionString | DataProblem {
  let parsed: Record<string, string>;
  try {
    parsed = parseConnectionString(text);
  } catch (error) {
    if (!(error instanceof ConnectionStringSyntax)) throw error;
    return problem(unit, 'master', 'invalid', `not a libpq connection string: ${error.message}`);
  }
  const fields = {
    host: parsed.host,
    port: parsed.port ?? '5432',
    database: parsed.dbname,
    user: parsed.user,
    password: parsed.password,
  };
  return fromFields(unit, fields, 'master');
}

function fromFields(
  unit: RemoteUnitData,
  fields: Record<string, string | undefined>,
  source?: string,
): ConnectionString | DataProblem {
  for (const key of ['host', 'port', 'database', 'user', 'password'] as const) {
    if (fields[key] === undefined || fields[key] === '')
      return problem(unit, source ?? key, 'missing', `no ${key} published yet`);
  }
  const port = relationPort({ port: fields.port }, 'port');
  if (port === 'invalid' || port === undefined) {
    return problem(unit, source ?? 'port', 'invalid', `not a TCP port: ${JSON.stringify(fields.port)}`);
  }
  const host = fields.host as string;
  if (/\s/.test(host)) return problem(unit, source ?? 'host', 'invalid', `not a host name: ${JSON.stringify(host)}`);
  return new ConnectionString({
    host,
    port,
    dbname: fields.database as string,
    user: fields.user as string,
    password: fields.password as string,
  });
}

/** The unit's connection, if its data is complete, authorises `localUnit`, and answers `request`. */
export function readPgsqlUnit(
  unit: RemoteUnitData,
  localUnit: string | undefined,
  request: PgsqlRequest,
  egressSubnets: readonly string[] = [],
): ConnectionString | DataProblem {
  const data = unit.data;
  const allowed = relationText(data, 'allowed-units');
  if (allowed !== undefined && localUnit !== undefined && !allowed.split(/\s+/).includes(localUnit)) {
    return problem(unit, 'allowed-units', 'missing', `${localUnit} not granted access yet`);
  }
  const subnets = relationText(data, 'allowed-subnets');
  if (subnets !== undefined) {
    const granted = new Set(splitList(subnets));
    const missing = egressSubnets.filter((s) => !granted.has(s));
    if (missing.length > 0)
      return problem(unit, 'allowed-subnets', 'missing', `egress subnet ${missing.join(',')} not granted access yet`);
  }
  const database = relationText(data, 'database');
  if (request.database !== undefined && database !== request.database) {
    return problem(unit, 'database', 'missing', `waiting for the requested database ${request.database}`);
  }
  if (
    request.roles !== undefined &&
    request.roles.length > 0 &&
    joinList(splitList(relationText(data, 'roles'))) !== joinList(request.roles)
  ) {
    return problem(unit, 'roles', 'missing', 'waiting for the requested roles');
  }
  if (
    request.extensions !== undefined &&
    request.extensions.length > 0 &&
    joinList(splitList(relationText(data, 'extensions'))) !== joinList(request.extensions)
  ) {
    return problem(unit, 'extensions', 'missing', 'waiting for the requested extensions');
  }
  const master = relationText(data, 'master');
  if (master !== undefined) return fromMasterKey(unit, master);
  return fromFields(unit, {
    host: relationText(data, 'host') ?? relationText(data, 'ingress-address') ?? relationText(data, 'private-address'),
    port: relationText(data, 'port'),
    database,
    user: relationText(data, 'user'),
    password: relationText(data, 'password'),
  });
}

const PRIMARY_STATES = new Set(['master', 'standalone']);

function isProblem(value: ConnectionString | DataProblem): value is DataProblem {
  return 'reason' in value;
}

/** Pick the master connection among the provider's units. */
export function readPgsqlUnits(
  units: readonly RemoteUnitData[],
  localUnit: string | undefined,
  request: PgsqlRequest = {},
  egressSubnets: readonly string[] = [],
): PgsqlReading {
  const problems: DataProblem[] = [];
  const withMasterKey = units.filter((u) => relationText(u.data, 'master') !== undefined);
  const states = units.map((u) => relationText(u.data, 'state'));
  let candidates: readonly RemoteUnitData[];
  if (withMasterKey.length > 0)
    candidates = withMasterKey.slice(0, 1); // every unit publishes the same master
  else if (states.some((s) => s !== undefined)) {
    candidates = units.filter((_, i) => PRIMARY_STATES.has(states[i] ?? ''));
    if (candidates.length > 1) {
      for (const u of candidates)
        problems.push(
          problem(u, 'state', 'invalid', 'more than one unit claims to be the master (failover in progress?)'),
        );
      return { master: undefined, problems };
    }
  } else candidates = units.slice(0, 1);
  for (const unit of candidates) {
    const result = readPgsqlUnit(unit, localUnit, request, egressSubnets);
    if (isProblem(result)) problems.push(result);
    else return { master: result, problems };
  }
  return { master: undefined, problems };
}
