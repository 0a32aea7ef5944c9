import { resourceName } from './engine/naming';
import type { ComposeModel, PortBinding, ServiceConfig, VolumeMount } from './model/types';

/** A compose document in the specification's form, ready for YAML or JSON output. */
export type SpecDocument = Record<string, unknown>;

/** `90e9` → `1m30s`, as docker compose prints durations. */
export function formatDuration(ns: number): string {
  if (ns === 0) return '0s';
  const units: [string, number][] = [
    ['h', 3600e9],
    ['m', 60e9],
    ['s', 1e9],
    ['ms', 1e6],
    ['us', 1e3],
    ['ns', 1],
  ];
  let rest = ns;
  let out = '';
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}

function port(p: PortBinding): Record<string, unknown> {
  return {
    mode: 'ingress',
    ...(p.hostIp === '' ? {} : { host_ip: p.hostIp }),
    target: p.target,
    ...(p.published === '' ? {} : { published: p.published }),
    protocol: p.protocol,
  };
}

function mount(v: VolumeMount): Record<string, unknown> {
  return {
    type: v.type,
    ...(v.source === undefined ? {} : { source: v.source }),
    target: v.target,
    ...(v.readOnly ? { read_only: true } : {}),
  };
}

const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function isEmpty(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/** Fields with their own spec form (or none: `envFiles` is already folded into `environment`). */
const SPECIAL: Readonly<Record<string, (svc: ServiceConfig) => unknown>> = {
  name: () => undefined,
  envFiles: () => undefined,
  ports: (s) => s.ports.map(port),
  volumes: (s) => s.volumes.map(mount),
  networks: (s) =>
    Object.fromEntries(
      Object.entries(s.networks).map(([k, n]) => [k, n.aliases.length === 0 ? null : { aliases: [...n.aliases] }]),
    ),
  dependsOn: (s) =>
    Object.fromEntries(
      Object.entries(s.dependsOn).map(([k, d]) => [
        k,
        { condition: d.condition, required: d.required, restart: d.restart },
      ]),
    ),
  links: (s) => s.links.map(([svc, alias]) => (svc === alias ? svc : `${svc}:${alias}`)),
  restart: (s) =>
    s.restart === undefined
      ? undefined
      : s.restart.maximumRetryCount > 0
        ? `${s.restart.name}:${s.restart.maximumRetryCount}`
        : s.restart.name,
  healthcheck: (s) => {
    const h = s.healthcheck;
    if (h === undefined) return undefined;
    if (h.test[0] === 'NONE') return { disable: true };
    const d = (ns?: number): string | undefined => (ns === undefined ? undefined : formatDuration(ns));
    return {
      test: [...h.test],
      interval: d(h.intervalNs),
      timeout: d(h.timeoutNs),
      start_period: d(h.startPeriodNs),
      retries: h.retries,
    };
  },
  stopGracePeriodSeconds: (s) =>
    s.stopGracePeriodSeconds === undefined ? undefined : formatDuration(s.stopGracePeriodSeconds * 1e9),
  scale: (s) => s.scale,
};

/** Keys the specification spells differently from `snake_case(field)`. */
const RENAMED: Readonly<Record<string, string>> = { stopGracePeriodSeconds: 'stop_grace_period' };

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
  return out;
}

function service(svc: ServiceConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Every field of the normalized service, so a key added to the model shows up here too.
  for (const [field, raw] of Object.entries(svc)) {
    const value = field in SPECIAL ? SPECIAL[field](svc) : raw;
    if (isEmpty(value) && field !== 'command' && field !== 'entrypoint') continue;
    if (value === undefined) continue;
    out[RENAMED[field] ?? snake(field)] = value;
  }
  return Object.fromEntries(Object.entries(withoutUndefined(out) as object).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The resolved project in the compose specification's form, as `docker compose config` prints it:
 * interpolated, env files folded into `environment`, every value in its long form (ports,
 * volumes, `depends_on`), paths absolute, durations as `1m30s`, and each network and volume with
 * the engine name rxcharm uses. Keys are sorted. Pure.
 */
export function specForm(model: ComposeModel, project: string): SpecDocument {
  const resources = (all: ComposeModel['networks'] | ComposeModel['volumes']): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(all).map(([key, cfg]) => [
        key,
        withoutUndefined({
          name: resourceName(project, key, cfg),
          ...(cfg.external ? { external: true } : {}),
          driver: cfg.driver,
          ...(Object.keys(cfg.labels).length === 0 ? {} : { labels: { ...cfg.labels } }),
        }),
      ]),
    );
  const doc: SpecDocument = {
    name: project,
    services: Object.fromEntries(
      Object.keys(model.services)
        .sort()
        .map((name) => [name, service(model.services[name])]),
    ),
  };
  if (Object.keys(model.networks).length > 0) doc.networks = resources(model.networks);
  if (Object.keys(model.volumes).length > 0) doc.volumes = resources(model.volumes);
  return doc;
}
