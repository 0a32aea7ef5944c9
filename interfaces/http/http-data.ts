/**
 * The http requires side's pure core: remote bags → services grouped by application.
 */
import { remoteApplicationOf, relationPort, relationText, type DataProblem, type RemoteUnitData } from 'rxcharm';

/** One reachable address of a service. */
export interface HttpHost {
  readonly unit: string;
  readonly hostname: string;
  readonly port: number;
  readonly privateAddress?: string;
}

/** A remote application and its hosts (sorted, so output is stable across hooks). */
export interface HttpService {
  readonly serviceName: string;
  readonly hosts: readonly HttpHost[];
}

export interface HttpReading {
  readonly services: readonly HttpService[];
  readonly problems: readonly DataProblem[];
}

function readHost(unit: RemoteUnitData): HttpHost | DataProblem {
  const port = relationPort(unit.data, 'port');
  if (port === undefined) return { unit: unit.unit, key: 'port', kind: 'missing', reason: 'no port published yet' };
  if (port === 'invalid')
    return {
      unit: unit.unit,
      key: 'port',
      kind: 'invalid',
      reason: `not a TCP port: ${JSON.stringify(unit.data.port)}`,
    };
  const privateAddress = relationText(unit.data, 'private-address') ?? relationText(unit.data, 'ingress-address');
  const hostname = relationText(unit.data, 'hostname') ?? privateAddress;
  if (hostname === undefined)
    return { unit: unit.unit, key: 'hostname', kind: 'missing', reason: 'no hostname or address published' };
  if (/\s/.test(hostname))
    return {
      unit: unit.unit,
      key: 'hostname',
      kind: 'invalid',
      reason: `not a host name: ${JSON.stringify(hostname)}`,
    };
  return privateAddress === undefined
    ? { unit: unit.unit, hostname, port }
    : { unit: unit.unit, hostname, port, privateAddress };
}

/**
 * The extra addresses a unit publishes as JSON `extended_data` (a list of `{hostname,
 * private-address, port}`), each read like the unit's own bag; a value that is not such a list
 * is a problem naming the unit.
 */
function readExtendedData(unit: RemoteUnitData): Array<HttpHost | DataProblem> {
  const raw = unit.data.extended_data;
  if (raw === undefined || raw === '') return [];
  let entries: unknown;
  try {
    entries = JSON.parse(raw);
  } catch {
    entries = undefined;
  }
  if (!Array.isArray(entries) || entries.some((e) => typeof e !== 'object' || e === null || Array.isArray(e))) {
    return [{ unit: unit.unit, key: 'extended_data', kind: 'invalid', reason: 'not a JSON list of addresses' }];
  }
  return entries.map((e: Record<string, unknown>) => {
    const data: Record<string, string> = {};
    for (const [k, v] of Object.entries(e)) if (typeof v === 'string' || typeof v === 'number') data[k] = String(v);
    return readHost({ ...unit, data });
  });
}

/**
 * Group usable units (and the extra addresses they publish in `extended_data`) by application,
 * without duplicates; applications without a usable unit are left out.
 */
export function readHttpServices(units: readonly RemoteUnitData[]): HttpReading {
  const byApp = new Map<string, HttpHost[]>();
  const problems: DataProblem[] = [];
  for (const unit of units) {
    for (const host of [readHost(unit), ...readExtendedData(unit)]) {
      if ('reason' in host) {
        problems.push(host);
        continue;
      }
      const app = remoteApplicationOf(unit);
      const hosts = byApp.get(app) ?? [];
      if (!hosts.some((h) => h.hostname === host.hostname && h.port === host.port)) hosts.push(host);
      byApp.set(app, hosts);
    }
  }
  const services = [...byApp.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([serviceName, hosts]) => ({
      serviceName,
      hosts: hosts.sort(
        (a, b) =>
          a.unit.localeCompare(b.unit, undefined, { numeric: true }) ||
          a.hostname.localeCompare(b.hostname) ||
          a.port - b.port,
      ),
    }));
  return { services, problems };
}
