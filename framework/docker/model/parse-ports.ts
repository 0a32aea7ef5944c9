import type { PortBinding } from './types';
import { ValueError } from './value-error';

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

interface Range {
  readonly start: number;
  readonly end: number;
}

function parseRange(text: string, what: string, spec: string): Range {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) throw new ValueError(`invalid ${what} "${text}" in port "${spec}"`);
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start > 65535 || end > 65535 || end < start) throw new ValueError(`invalid ${what} "${text}" in port "${spec}"`);
  return { start, end };
}

function checkIp(ip: string, spec: string): string {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(bare);
  if (v4 && v4.slice(1).every((p) => Number(p) <= 255)) return bare;
  if (bare.includes(':') && /^[0-9a-fA-F:.]+$/.test(bare)) return bare;
  throw new ValueError(`invalid host IP "${ip}" in port "${spec}"`);
}

/** Parses one port short form (`"6379"`, `"5000:80"`, `"127.0.0.1:8080:80/udp"`, ranges, IPv6). */
export function parsePortShort(raw: string | number): PortBinding[] {
  const spec = String(raw).trim();
  let body = spec;
  let protocol = 'tcp';
  const slash = spec.lastIndexOf('/');
  if (slash >= 0) {
    protocol = spec.slice(slash + 1).toLowerCase();
    body = spec.slice(0, slash);
  }
  if (!PROTOCOLS.has(protocol)) throw new ValueError(`invalid protocol "${protocol}" in port "${spec}"`);
  const parts = body.split(':');
  let hostIp = '';
  let hostPart = '';
  let containerPart: string;
  if (parts.length === 1) {
    containerPart = parts[0];
  } else if (parts.length === 2) {
    [hostPart, containerPart] = parts;
  } else {
    containerPart = parts[parts.length - 1];
    hostPart = parts[parts.length - 2];
    hostIp = checkIp(parts.slice(0, -2).join(':'), spec);
  }
  const container = parseRange(containerPart, 'container port', spec);
  const host = hostPart === '' ? undefined : parseRange(hostPart, 'host port', spec);
  const count = container.end - container.start + 1;
  const proto = protocol as PortBinding['protocol'];
  const out: PortBinding[] = [];
  if (host !== undefined && count === 1 && host.end !== host.start) {
    // A host range against a single container port lets the engine pick one host port.
    return [{ target: container.start, protocol: proto, published: `${host.start}-${host.end}`, hostIp }];
  }
  if (host !== undefined && host.end - host.start + 1 !== count) {
    throw new ValueError(`host and container port ranges differ in length in port "${spec}"`);
  }
  for (let i = 0; i < count; i++) {
    out.push({
      target: container.start + i,
      protocol: proto,
      published: host === undefined ? '' : String(host.start + i),
      hostIp,
    });
  }
  return out;
}

/** Parses the long form `{target, published?, host_ip?, protocol?, mode?}`. */
export function parsePortLong(value: Record<string, unknown>): PortBinding {
  for (const key of Object.keys(value)) {
    if (!['target', 'published', 'host_ip', 'protocol', 'mode', 'name', 'app_protocol'].includes(key)) {
      throw new ValueError(`unsupported port key "${key}"`, [key]);
    }
  }
  const target = Number(value.target);
  if (!Number.isInteger(target) || target < 1 || target > 65535)
    throw new ValueError('port "target" must be a port number', ['target']);
  const protocol = String(value.protocol ?? 'tcp').toLowerCase();
  if (!PROTOCOLS.has(protocol)) throw new ValueError(`invalid protocol "${protocol}"`, ['protocol']);
  let published = '';
  if (value.published !== undefined && value.published !== null) {
    published = String(value.published);
    if (!/^\d+(-\d+)?$/.test(published)) throw new ValueError(`invalid published port "${published}"`, ['published']);
  }
  const hostIp = value.host_ip === undefined ? '' : checkIp(String(value.host_ip), String(value.host_ip));
  return { target, protocol: protocol as PortBinding['protocol'], published, hostIp };
}

/** Parses an `expose` entry (`"3000"`, `"8080-8085/tcp"`) into `"<port>/<proto>"` keys, ranges expanded. */
export function parseExpose(raw: string | number): string[] {
  const spec = String(raw).trim();
  const [ports, proto = 'tcp'] = spec.split('/');
  if (!PROTOCOLS.has(proto.toLowerCase())) throw new ValueError(`invalid protocol "${proto}" in expose "${spec}"`);
  const range = parseRange(ports, 'port', spec);
  const out: string[] = [];
  for (let p = range.start; p <= range.end; p++) out.push(`${p}/${proto.toLowerCase()}`);
  return out;
}
