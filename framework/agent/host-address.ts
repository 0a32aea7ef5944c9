import { spawnSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';

/** One IPv4 address of this host. */
export interface HostAddress {
  /** Interface name (`docker0`, `eth0`). */
  readonly iface: string;
  readonly address: string;
  /** Prefix length of the address's subnet (`24` for `192.0.2.2/24`). */
  readonly prefix: number;
  /** `global`, `link` or `host` (loopback). */
  readonly scope: string;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function isIpv4(text: string): boolean {
  const match = IPV4.exec(text);
  return match !== null && match.slice(1).every((part) => Number(part) <= 255);
}

/**
 * Parses `ip -4 -o addr show [dev X]` (iproute2): one line per address, e.g.
 * `3: docker0    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\       valid_lft ...`.
 * Unlike Node's `networkInterfaces()`, it lists interfaces that are down, such as docker0 while no
 * container uses the default bridge. Lines that do not fit are skipped.
 */
export function parseIpAddrOutput(text: string): HostAddress[] {
  const out: HostAddress[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*\d+:\s+([^\s@]+)(?:@\S+)?\s+inet\s+([\d.]+)\/(\d+)\b(.*)$/.exec(line);
    if (match === null || !isIpv4(match[2]!)) continue;
    const scope = /\bscope\s+(\S+)/.exec(match[4]!)?.[1] ?? 'global';
    out.push({ iface: match[1]!, address: match[2]!, prefix: Number(match[3]), scope });
  }
  return out;
}

/** Interfaces Docker creates per network or container: they vanish with their network. */
function isTransient(iface: string): boolean {
  return iface.startsWith('br-') || iface.startsWith('veth');
}

/**
 * The address containers on any network of this Docker host can reach the host on, so a port
 * published by another container answers there: docker0's address (up or down); else the first
 * global address on an interface that outlives compose networks (e.g. eth0: Docker's proxy
 * listens on every host address); else `127.0.0.1`.
 */
export function pickUnitAddress(addresses: readonly HostAddress[]): string {
  const docker = addresses.find((a) => a.iface === 'docker0');
  if (docker !== undefined) return docker.address;
  const stable = addresses.find(
    (a) => a.scope === 'global' && a.iface !== 'lo' && !a.address.startsWith('127.') && !isTransient(a.iface),
  );
  return stable?.address ?? '127.0.0.1';
}

/**
 * This host's IPv4 addresses: from `ip -4 -o addr show` (one cheap process, includes interfaces
 * that are down), else from Node's `networkInterfaces()` (running interfaces only) when iproute2
 * is missing.
 */
export function readHostAddresses(): HostAddress[] {
  const result = spawnSync('ip', ['-4', '-o', 'addr', 'show'], { encoding: 'utf8', timeout: 2000 });
  if (result.status === 0 && typeof result.stdout === 'string') {
    const parsed = parseIpAddrOutput(result.stdout);
    if (parsed.length > 0) return parsed;
  }
  return Object.entries(networkInterfaces()).flatMap(([iface, infos]) =>
    (infos ?? [])
      .filter((i) => i.family === 'IPv4')
      .map((i) => ({
        iface,
        address: i.address,
        prefix: Number(i.cidr?.split('/')[1] ?? 32),
        scope: i.internal ? 'host' : 'global',
      })),
  );
}
