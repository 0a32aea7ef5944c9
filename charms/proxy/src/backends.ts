/**
 * Which related units the proxy balances over, and which it skips: the http requires side's
 * reading turned into HAProxy servers. A value that could change the configuration's meaning (a
 * host name with spaces, quotes or `#`, a port out of range) never reaches the file: the unit is
 * skipped and named in the status.
 */
import type { HttpService } from 'interface:http';
import type { DataProblem } from 'rxcharm';

/** One server line of the configuration. */
export interface Backend {
  /** The unit, e.g. `voting-app/1`. */
  readonly unit: string;
  /** A server name HAProxy accepts, unique in the backend (`voting-app-1`). */
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

/** A related unit left out of the configuration, and why. */
export interface SkippedBackend {
  readonly unit: string;
  readonly reason: string;
}

/** What {@link selectBackends} decided. */
export interface BackendSelection {
  readonly backends: readonly Backend[];
  readonly skipped: readonly SkippedBackend[];
}

const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const IPV6 = /^(?=[^:]*:[^:]*:)[0-9A-Fa-f:.]+$/;

/** Whether `host` is a host name, an IPv4 or an IPv6 address (nothing HAProxy would read otherwise). */
export function isServerHost(host: string): boolean {
  return IPV4.test(host) || HOSTNAME.test(host) || (host.includes(':') && IPV6.test(host));
}

/** `voting-app/1` → `voting-app-1`. */
function serverName(unit: string): string {
  return unit.replace(/[^A-Za-z0-9_.-]/g, '-');
}

/**
 * Every usable host of every related application, sorted by unit; the interface's data problems
 * and hosts HAProxy must not read become skipped entries. Pure.
 */
export function selectBackends(
  services: readonly HttpService[],
  problems: readonly DataProblem[] = [],
): BackendSelection {
  const backends: Backend[] = [];
  const skipped: SkippedBackend[] = problems.map((p) => ({ unit: p.unit, reason: `${p.key}: ${p.reason}` }));
  for (const service of services) {
    for (const host of service.hosts) {
      if (!isServerHost(host.hostname)) {
        skipped.push({
          unit: host.unit,
          reason: `hostname: not a host name or address: ${JSON.stringify(host.hostname)}`,
        });
      } else if (!Number.isInteger(host.port) || host.port < 1 || host.port > 65535) {
        skipped.push({ unit: host.unit, reason: `port: out of range: ${host.port}` });
      } else {
        backends.push({ unit: host.unit, name: serverName(host.unit), host: host.hostname, port: host.port });
      }
    }
  }
  const byUnit = (a: { unit: string }, b: { unit: string }): number =>
    a.unit.localeCompare(b.unit, undefined, { numeric: true });
  // A unit serving on several addresses (http extended_data) gets one server per address, and
  // HAProxy wants server names unique within the backend.
  const seen = new Map<string, number>();
  const named = backends.sort(byUnit).map((b) => {
    const n = (seen.get(b.name) ?? 0) + 1;
    seen.set(b.name, n);
    return n === 1 ? b : { ...b, name: `${b.name}-${n}` };
  });
  return { backends: named, skipped: skipped.sort(byUnit) };
}
