import type { ContainerOptionsSpec, DeviceSpec, UlimitSpec } from '../../charm/docker-types';
import { isMapping, scalarString, type ParseContext, type Path } from './parse-context';
import { parseBytes, parseCount, parseNanoCpus } from './parse-units';

/** The service keys this module translates (each to one or more `ContainerOptionsSpec` fields). */
export const CONTAINER_OPTION_KEYS: readonly string[] = [
  'platform',
  'stdin_open',
  'tty',
  'cap_add',
  'cap_drop',
  'runtime',
  'sysctls',
  'extra_hosts',
  'dns',
  'dns_search',
  'dns_opt',
  'tmpfs',
  'ulimits',
  'logging',
  'shm_size',
  'mem_limit',
  'memswap_limit',
  'mem_reservation',
  'cpus',
  'cpu_shares',
  'pids_limit',
  'privileged',
  'devices',
  'security_opt',
  'pid',
  'ipc',
  'group_add',
  'read_only',
];

type Raw = Readonly<Record<string, unknown>>;

function strings(ctx: ParseContext, path: Path, value: unknown): string[] {
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  if (!Array.isArray(value)) ctx.fail(path, 'expected a string or a list of strings');
  return value.map((v, i) => scalarString(ctx, [...path, i], v));
}

function bool(ctx: ParseContext, path: Path, value: unknown): boolean {
  if (typeof value !== 'boolean') ctx.fail(path, 'expected true or false');
  return value;
}

/** `KEY=VALUE` list or mapping → mapping (values stringified). */
function pairs(ctx: ParseContext, path: Path, value: unknown, sep: RegExp): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(value)) {
    value.forEach((entry, i) => {
      const text = scalarString(ctx, [...path, i], entry);
      const m = sep.exec(text);
      if (!m || m.index === 0)
        ctx.fail([...path, i], `expected "NAME${sep.source.replace(/[[\]]/g, '')}VALUE", got "${text}"`);
      out[text.slice(0, m.index)] = text.slice(m.index + m[0].length);
    });
    return out;
  }
  if (!isMapping(value)) ctx.fail(path, 'expected a list or a mapping');
  for (const [k, v] of Object.entries(value)) out[k] = v === null ? '' : scalarString(ctx, [...path, k], v);
  return out;
}

function ulimits(ctx: ParseContext, path: Path, value: unknown): UlimitSpec[] {
  if (!isMapping(value)) ctx.fail(path, 'expected a mapping of limits');
  return Object.entries(value)
    .map(([name, v]): UlimitSpec => {
      const at = [...path, name];
      if (isMapping(v)) {
        const soft = ctx.field([...at, 'soft'], () => parseCount(v.soft));
        const hard = ctx.field([...at, 'hard'], () => parseCount(v.hard));
        return { name, soft, hard };
      }
      const n = ctx.field(at, () => parseCount(v));
      return { name, soft: n, hard: n };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

function devices(ctx: ParseContext, path: Path, value: unknown): DeviceSpec[] {
  if (!Array.isArray(value)) ctx.fail(path, 'expected a list of devices');
  return value.map((entry, i): DeviceSpec => {
    if (isMapping(entry)) {
      const source = scalarString(ctx, [...path, i, 'source'], entry.source);
      return {
        pathOnHost: source,
        pathInContainer: entry.target === undefined ? source : scalarString(ctx, [...path, i, 'target'], entry.target),
        cgroupPermissions:
          entry.permissions === undefined ? 'rwm' : scalarString(ctx, [...path, i, 'permissions'], entry.permissions),
      };
    }
    const [host, container = host, perms = 'rwm'] = scalarString(ctx, [...path, i], entry).split(':');
    return { pathOnHost: host, pathInContainer: container, cgroupPermissions: perms };
  });
}

function logging(ctx: ParseContext, path: Path, value: unknown): ContainerOptionsSpec['logConfig'] {
  if (!isMapping(value)) ctx.fail(path, 'expected a mapping with "driver" and "options"');
  for (const k of Object.keys(value))
    if (k !== 'driver' && k !== 'options')
      ctx.fail([...path, k], `unknown logging option "${k}" (use driver, options)`);
  return {
    type: value.driver === undefined ? 'json-file' : scalarString(ctx, [...path, 'driver'], value.driver),
    config:
      value.options === undefined || value.options === null ? {} : pairs(ctx, [...path, 'options'], value.options, /=/),
  };
}

function tmpfs(ctx: ParseContext, path: Path, value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of strings(ctx, path, value)) {
    const colon = entry.indexOf(':');
    out[colon < 0 ? entry : entry.slice(0, colon)] = colon < 0 ? '' : entry.slice(colon + 1);
  }
  return out;
}

/** `host:ip` entries (docker compose v2's form), from `host:ip` / `host=ip` lists or a mapping. */
function extraHosts(ctx: ParseContext, path: Path, value: unknown): string[] {
  if (isMapping(value))
    return Object.entries(value).flatMap(([host, ip]) =>
      (Array.isArray(ip) ? ip : [ip]).map((one, i) => `${host}:${scalarString(ctx, [...path, host, i], one)}`),
    );
  return strings(ctx, path, value).map((entry, i) => {
    const eq = entry.indexOf('=');
    const sep = eq >= 0 ? eq : entry.indexOf(':');
    if (sep <= 0) ctx.fail([...path, i], `expected "HOST:IP" or "HOST=IP", got "${entry}"`);
    return `${entry.slice(0, sep)}:${entry.slice(sep + 1)}`;
  });
}

function namespaceMode(ctx: ParseContext, path: Path, value: unknown): string {
  const mode = scalarString(ctx, path, value);
  if (mode.startsWith('service:'))
    ctx.fail(path, `"${mode}": sharing a namespace with another service is not supported; use "container:<name>"`);
  return mode;
}

const sorted = (list: string[]): string[] => [...new Set(list)].sort();

/**
 * Translates a service's runtime keys (`cap_add`, `ulimits`, `logging`, `mem_limit`...) into the
 * Engine's container options, as docker compose v2 does. Lists the engine treats as sets
 * (capabilities, group_add) come out sorted, so their order never changes the config hash.
 */
export function parseContainerOptions(ctx: ParseContext, path: Path, raw: Raw): ContainerOptionsSpec {
  const at = (k: string): Path => [...path, k];
  const has = (k: string): boolean => raw[k] !== undefined && raw[k] !== null;
  const str = (k: string): string | undefined => (has(k) ? scalarString(ctx, at(k), raw[k]) : undefined);
  const flag = (k: string): boolean | undefined => (has(k) ? bool(ctx, at(k), raw[k]) : undefined);
  const bytes = (k: string): number | undefined => (has(k) ? ctx.field(at(k), () => parseBytes(raw[k])) : undefined);
  const list = (k: string): string[] | undefined => (has(k) ? strings(ctx, at(k), raw[k]) : undefined);
  const spec: Record<string, unknown> = {
    platform: str('platform'),
    openStdin: flag('stdin_open'),
    tty: flag('tty'),
    capAdd: has('cap_add') ? sorted(strings(ctx, at('cap_add'), raw.cap_add)) : undefined,
    capDrop: has('cap_drop') ? sorted(strings(ctx, at('cap_drop'), raw.cap_drop)) : undefined,
    runtime: str('runtime'),
    sysctls: has('sysctls') ? pairs(ctx, at('sysctls'), raw.sysctls, /=/) : undefined,
    extraHosts: has('extra_hosts') ? extraHosts(ctx, at('extra_hosts'), raw.extra_hosts) : undefined,
    dns: list('dns'),
    dnsSearch: list('dns_search'),
    dnsOptions: list('dns_opt'),
    tmpfs: has('tmpfs') ? tmpfs(ctx, at('tmpfs'), raw.tmpfs) : undefined,
    ulimits: has('ulimits') ? ulimits(ctx, at('ulimits'), raw.ulimits) : undefined,
    logConfig: has('logging') ? logging(ctx, at('logging'), raw.logging) : undefined,
    shmSize: bytes('shm_size'),
    memory: bytes('mem_limit'),
    memorySwap: has('memswap_limit')
      ? raw.memswap_limit === -1 || raw.memswap_limit === '-1'
        ? -1
        : ctx.field(at('memswap_limit'), () => parseBytes(raw.memswap_limit))
      : undefined,
    memoryReservation: bytes('mem_reservation'),
    nanoCpus: has('cpus') ? ctx.field(at('cpus'), () => parseNanoCpus(raw.cpus)) : undefined,
    cpuShares: has('cpu_shares') ? ctx.field(at('cpu_shares'), () => parseCount(raw.cpu_shares)) : undefined,
    pidsLimit: has('pids_limit') ? ctx.field(at('pids_limit'), () => parseCount(raw.pids_limit)) : undefined,
    privileged: flag('privileged'),
    devices: has('devices') ? devices(ctx, at('devices'), raw.devices) : undefined,
    securityOpt: list('security_opt'),
    pidMode: has('pid') ? namespaceMode(ctx, at('pid'), raw.pid) : undefined,
    ipcMode: has('ipc') ? namespaceMode(ctx, at('ipc'), raw.ipc) : undefined,
    groupAdd: has('group_add') ? sorted(strings(ctx, at('group_add'), raw.group_add)) : undefined,
    readonlyRootfs: flag('read_only'),
  };
  for (const key of Object.keys(spec)) if (spec[key] === undefined) delete spec[key];
  return spec as ContainerOptionsSpec;
}
