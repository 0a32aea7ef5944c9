/**
 * The redis requires side's pure core: remote unit bags → connection entries.
 */
import { relationPort, relationText, type DataProblem, type RemoteUnitData } from 'rxcharm';

/** One redis unit's connection details. */
export interface RedisConnection {
  /** The remote unit that published them (`redis/0`). */
  readonly unit: string;
  readonly host: string;
  readonly port: number;
  /** Present only when the provider requires AUTH. */
  readonly password?: string;
  /** `redis://[:password@]host:port` */
  readonly uri: string;
}

/** Result of reading every joined unit: usable entries and the reasons others were skipped. */
export interface RedisReading {
  readonly connections: readonly RedisConnection[];
  readonly problems: readonly DataProblem[];
}

/** Host keys in order of preference: explicit `host`, the 2016 charm's `hostname`, Juju's addresses. */
const HOST_KEYS = ['host', 'hostname', 'ingress-address', 'private-address'] as const;

function formatHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** `redis://[:password@]host:port` with the password percent-encoded. */
export function redisUri(host: string, port: number, password?: string): string {
  const auth = password === undefined ? '' : `:${encodeURIComponent(password)}@`;
  return `redis://${auth}${formatHost(host)}:${port}`;
}

/** Read one unit; a fresh object per unit (no shared, reused dict). */
export function readRedisUnit(unit: RemoteUnitData): RedisConnection | DataProblem {
  const port = relationPort(unit.data, 'port');
  if (port === undefined) return { unit: unit.unit, key: 'port', kind: 'missing', reason: 'no port published yet' };
  if (port === 'invalid') {
    return {
      unit: unit.unit,
      key: 'port',
      kind: 'invalid',
      reason: `not a TCP port: ${JSON.stringify(unit.data.port)}`,
    };
  }
  let host: string | undefined;
  for (const key of HOST_KEYS) {
    host = relationText(unit.data, key)?.trim();
    if (host) break;
  }
  if (!host) return { unit: unit.unit, key: 'host', kind: 'missing', reason: 'no host, hostname or address published' };
  if (/\s/.test(host))
    return { unit: unit.unit, key: 'host', kind: 'invalid', reason: `not a host name: ${JSON.stringify(host)}` };
  const password = relationText(unit.data, 'password');
  return password === undefined
    ? { unit: unit.unit, host, port, uri: redisUri(host, port) }
    : { unit: unit.unit, host, port, password, uri: redisUri(host, port, password) };
}

function isProblem(value: RedisConnection | DataProblem): value is DataProblem {
  return 'reason' in value;
}

/** Read every unit, in the given order. */
export function readRedisUnits(units: readonly RemoteUnitData[]): RedisReading {
  const connections: RedisConnection[] = [];
  const problems: DataProblem[] = [];
  for (const unit of units) {
    const result = readRedisUnit(unit);
    if (isProblem(result)) problems.push(result);
    else connections.push(result);
  }
  return { connections, problems };
}
