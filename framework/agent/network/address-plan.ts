/**
 * Pure address arithmetic for the model's unit network: which subnet the model's bridge gets, how
 * it is split between the bridge, the units and Docker's own allocations, and which address the
 * next unit takes.
 *
 * Layout of a /24 subnet `a.b.c.0/24`: `.1` is the bridge's own address (Docker's gateway),
 * `.2`–`.127` are unit addresses, `.128/25` is the `ip_range` Docker allocates containers from
 * (nothing of the agent attaches containers to the bridge, but a user may).
 */

/** An IPv4 subnet as numbers. */
export interface Ipv4Subnet {
  /** Network address as an unsigned 32-bit number. */
  readonly base: number;
  readonly prefix: number;
}

/** How the model's bridge subnet is used. */
export interface UnitSubnetLayout {
  /** `a.b.c.0/24`. */
  readonly subnet: string;
  /** The bridge's own address (`a.b.c.1`). */
  readonly gateway: string;
  /** Where Docker allocates container addresses (`a.b.c.128/25`). */
  readonly ipRange: string;
  /** First and last unit address. */
  readonly first: string;
  readonly last: string;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** `10.1.2.3` → number, or undefined when not a dotted IPv4 address. */
export function ipv4ToNumber(text: string): number | undefined {
  const match = IPV4.exec(text.trim());
  if (match === null) return undefined;
  const parts = match.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

/** Number → `10.1.2.3`. */
export function numberToIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** `10.1.2.0/24` (or a host address with a prefix, `10.1.2.7/24`) → its subnet; undefined when malformed. */
export function parseSubnet(cidr: string): Ipv4Subnet | undefined {
  const [address, prefixText, ...rest] = cidr.trim().split('/');
  if (rest.length > 0 || address === undefined) return undefined;
  const value = ipv4ToNumber(address);
  const prefix = prefixText === undefined ? 32 : /^\d{1,2}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (value === undefined || !(prefix >= 0 && prefix <= 32)) return undefined;
  return { base: (value & maskOf(prefix)) >>> 0, prefix };
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** True when the two subnets share an address. */
export function subnetsOverlap(a: Ipv4Subnet, b: Ipv4Subnet): boolean {
  const prefix = Math.min(a.prefix, b.prefix);
  const mask = maskOf(prefix);
  return (a.base & mask) >>> 0 === (b.base & mask) >>> 0;
}

/** True when `address` lies in `subnet`. */
export function subnetContains(subnet: string, address: string): boolean {
  const net = parseSubnet(subnet);
  const value = ipv4ToNumber(address);
  if (net === undefined || value === undefined) return false;
  return (value & maskOf(net.prefix)) >>> 0 === net.base;
}

/**
 * The /24 subnets the agent tries, in order: `10.213.0.0/24` up to `10.213.255.0/24` (outside the
 * pools Docker allocates from by default, 172.17–31.0.0/16 and 192.168.0.0/16).
 */
export function candidateSubnets(): string[] {
  return Array.from({ length: 256 }, (_, i) => `10.213.${i}.0/24`);
}

/**
 * The first candidate that overlaps none of the `taken` subnets (the host's routes, Docker's
 * networks), or undefined when every candidate is taken. Malformed entries in `taken` are ignored.
 */
export function pickSubnet(
  taken: readonly string[],
  candidates: readonly string[] = candidateSubnets(),
): string | undefined {
  const used = taken.map(parseSubnet).filter((s): s is Ipv4Subnet => s !== undefined);
  return candidates.find((candidate) => {
    const subnet = parseSubnet(candidate);
    return subnet !== undefined && !used.some((u) => subnetsOverlap(subnet, u));
  });
}

/**
 * How a /24 subnet is split (see the module comment).
 *
 * @throws RangeError when `subnet` is not an IPv4 /24.
 */
export function subnetLayout(subnet: string): UnitSubnetLayout {
  const net = parseSubnet(subnet);
  if (net === undefined || net.prefix !== 24) throw new RangeError(`unit subnet must be an IPv4 /24, got ${subnet}`);
  return {
    subnet: `${numberToIpv4(net.base)}/24`,
    gateway: numberToIpv4(net.base + 1),
    ipRange: `${numberToIpv4(net.base + 128)}/25`,
    first: numberToIpv4(net.base + 2),
    last: numberToIpv4(net.base + 127),
  };
}

/**
 * The next unit address: the first one at or after `after`'s successor that no unit holds,
 * wrapping to the start of the range, so a released address is reused only once the range has
 * gone round (a proxy that still names a removed unit does not reach a new one at once).
 *
 * @param after the address handed out last (undefined: start at the first).
 * @returns undefined when every unit address is taken.
 */
export function nextUnitAddress(subnet: string, used: readonly string[], after?: string): string | undefined {
  const layout = subnetLayout(subnet);
  const first = ipv4ToNumber(layout.first)!;
  const last = ipv4ToNumber(layout.last)!;
  const taken = new Set(used);
  const previous = after === undefined ? undefined : ipv4ToNumber(after);
  const start = previous !== undefined && previous >= first && previous < last ? previous + 1 : first;
  const size = last - first + 1;
  for (let i = 0; i < size; i++) {
    const candidate = numberToIpv4(first + ((start - first + i) % size));
    if (!taken.has(candidate)) return candidate;
  }
  return undefined;
}
