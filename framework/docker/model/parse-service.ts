import { resolve } from 'node:path';
import { isMapping, scalarString, type ParseContext, type Path } from './parse-context';
import { parseBuild } from './parse-build';
import { CONTAINER_OPTION_KEYS, parseContainerOptions } from './parse-container-options';
import { parseDeploy } from './parse-deploy';
import { parseDurationNs } from './parse-duration';
import { resolveExtends } from './parse-extends';
import { parseFileReferences } from './parse-file-objects';
import { parseEnvFile } from './parse-env';
import { parseExpose, parsePortLong, parsePortShort } from './parse-ports';
import { parseVolumeLong, parseVolumeShort, type VolumeContext } from './parse-volumes';
import { shellWords } from './shell-words';
import type {
  Dependency,
  DependencyCondition,
  Healthcheck,
  PortBinding,
  PullPolicy,
  RestartPolicy,
  ServiceConfig,
  ServiceNetwork,
  VolumeMount,
  VolumesFrom,
} from './types';

/** Everything a service definition resolves against. */
export interface ServiceParseDeps {
  readonly ctx: ParseContext;
  readonly volumes: VolumeContext;
  readonly networks: ReadonlySet<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly readFile: (path: string) => string;
  readonly warn: (message: string) => void;
  /** Top-level `secrets` and `configs`: name → file. */
  readonly secrets: Readonly<Record<string, string>>;
  readonly configs: Readonly<Record<string, string>>;
  /** The file's raw services (for `extends` within the file). */
  readonly rawServices: Readonly<Record<string, unknown>>;
  /** Reads, parses and interpolates another compose file (for `extends: {file:}`). */
  readonly loadFile: (path: string) => unknown;
}

/** Service keys rxcharm implements; any other (non `x-`) key is an `UnsupportedComposeKeyError`. */
export const SUPPORTED_SERVICE_KEYS: readonly string[] = [
  'image',
  'command',
  'entrypoint',
  'environment',
  'env_file',
  'ports',
  'expose',
  'volumes',
  'networks',
  'network_mode',
  'depends_on',
  'links',
  'restart',
  'healthcheck',
  'stop_grace_period',
  'stop_signal',
  'init',
  'labels',
  'container_name',
  'scale',
  'working_dir',
  'user',
  'hostname',
  'secrets',
  'configs',
  'deploy',
  'profiles',
  'extends',
  'build',
  'pull_policy',
  'volumes_from',
  'develop',
  ...CONTAINER_OPTION_KEYS,
];
const SUPPORTED = new Set(SUPPORTED_SERVICE_KEYS);
const CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);

function list(d: ServiceParseDeps, path: Path, value: unknown): unknown[] {
  if (!Array.isArray(value)) d.ctx.fail(path, 'expected a list');
  return value;
}

function words(d: ServiceParseDeps, path: Path, value: unknown): string[] | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return d.ctx.field(path, () => shellWords(value));
  return list(d, path, value).map((w, i) => scalarString(d.ctx, [...path, i], w));
}

function keyValues(d: ServiceParseDeps, path: Path, value: unknown, lookup: boolean): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (value === null || value === undefined) return out;
  if (Array.isArray(value)) {
    value.forEach((entry, i) => {
      const text = scalarString(d.ctx, [...path, i], entry);
      const eq = text.indexOf('=');
      const key = eq < 0 ? text : text.slice(0, eq);
      if (key === '') d.ctx.fail([...path, i], `empty name in "${text}"`);
      out[key] = eq >= 0 ? text.slice(eq + 1) : lookup ? (d.env[key] ?? null) : '';
    });
    return out;
  }
  if (!isMapping(value)) d.ctx.fail(path, 'expected a list of "KEY=VALUE" or a mapping');
  for (const [key, v] of Object.entries(value)) {
    out[key] = v === null ? (lookup ? (d.env[key] ?? null) : '') : scalarString(d.ctx, [...path, key], v);
  }
  return out;
}

function envFiles(d: ServiceParseDeps, path: Path, value: unknown): { files: string[]; env: Record<string, string> } {
  const entries = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  const files: string[] = [];
  const env: Record<string, string> = {};
  entries.forEach((entry, i) => {
    const at = Array.isArray(value) ? [...path, i] : path;
    const spec: Record<string, unknown> = isMapping(entry) ? entry : { path: entry };
    for (const k of Object.keys(spec))
      if (!['path', 'required', 'format'].includes(k)) d.ctx.unsupported(undefined, `env_file.${k}`, [...at, k]);
    const format = spec.format === undefined ? 'env' : scalarString(d.ctx, [...at, 'format'], spec.format);
    if (format !== 'env' && format !== 'raw')
      d.ctx.fail([...at, 'format'], `unsupported env_file format "${format}" (use env or raw)`);
    const file = resolve(d.volumes.workingDir, scalarString(d.ctx, isMapping(entry) ? [...at, 'path'] : at, spec.path));
    const required = spec.required !== false;
    let text: string;
    try {
      text = d.readFile(file);
    } catch (error) {
      if (!required) return;
      d.ctx.fail(at, `cannot read env file ${file}: ${(error as Error).message}`);
    }
    files.push(file);
    Object.assign(
      env,
      d.ctx.field(at, () =>
        parseEnvFile(text, {
          format,
          lookup: (name) => d.env[name],
          onUnset: (name) => d.warn?.(`The "${name}" variable is not set (in ${file}). Defaulting to a blank string.`),
        }),
      ),
    );
  });
  return { files, env };
}

function ports(d: ServiceParseDeps, path: Path, value: unknown): PortBinding[] {
  return list(d, path, value).flatMap((entry, i) =>
    d.ctx.field([...path, i], () =>
      isMapping(entry) ? [parsePortLong(entry)] : parsePortShort(scalarString(d.ctx, [...path, i], entry)),
    ),
  );
}

function volumes(d: ServiceParseDeps, path: Path, value: unknown): VolumeMount[] {
  return list(d, path, value).map((entry, i) =>
    d.ctx.field([...path, i], () =>
      isMapping(entry)
        ? parseVolumeLong(entry, d.volumes)
        : parseVolumeShort(scalarString(d.ctx, [...path, i], entry), d.volumes),
    ),
  );
}

function networks(d: ServiceParseDeps, path: Path, value: unknown): Record<string, ServiceNetwork> {
  const out: Record<string, ServiceNetwork> = {};
  const check = (name: string, at: Path): void => {
    if (name !== 'default' && !d.networks.has(name)) d.ctx.fail(at, `refers to undefined network "${name}"`);
  };
  if (Array.isArray(value)) {
    value.forEach((n, i) => {
      const name = scalarString(d.ctx, [...path, i], n);
      check(name, [...path, i]);
      out[name] = { aliases: [] };
    });
    return out;
  }
  if (!isMapping(value)) d.ctx.fail(path, 'expected a list or mapping of networks');
  for (const [name, cfg] of Object.entries(value)) {
    check(name, [...path, name]);
    if (cfg === null) {
      out[name] = { aliases: [] };
      continue;
    }
    if (!isMapping(cfg)) d.ctx.fail([...path, name], 'expected a mapping');
    for (const k of Object.keys(cfg))
      if (!['aliases', 'ipv4_address', 'ipv6_address', 'priority'].includes(k))
        d.ctx.fail([...path, name, k], `unsupported network option "${k}"`);
    const address = (k: string): Record<string, string> =>
      cfg[k] === undefined
        ? {}
        : { [k === 'ipv4_address' ? 'ipv4Address' : 'ipv6Address']: scalarString(d.ctx, [...path, name, k], cfg[k]) };
    out[name] = {
      ...address('ipv4_address'),
      ...address('ipv6_address'),
      aliases:
        cfg.aliases === undefined
          ? []
          : list(d, [...path, name, 'aliases'], cfg.aliases).map((a, i) =>
              scalarString(d.ctx, [...path, name, 'aliases', i], a),
            ),
    };
  }
  return out;
}

function dependsOn(d: ServiceParseDeps, path: Path, value: unknown): Record<string, Dependency> {
  const out: Record<string, Dependency> = {};
  if (Array.isArray(value)) {
    value.forEach((s, i) => {
      out[scalarString(d.ctx, [...path, i], s)] = { condition: 'service_started', required: true, restart: false };
    });
    return out;
  }
  if (!isMapping(value)) d.ctx.fail(path, 'expected a list of services or a mapping');
  for (const [svc, cfg] of Object.entries(value)) {
    const c = cfg === null ? {} : cfg;
    if (!isMapping(c)) d.ctx.fail([...path, svc], 'expected a mapping with "condition"');
    for (const k of Object.keys(c))
      if (!['condition', 'required', 'restart'].includes(k))
        d.ctx.fail([...path, svc, k], `unsupported depends_on option "${k}"`);
    const condition = c.condition === undefined ? 'service_started' : String(c.condition);
    if (!CONDITIONS.has(condition))
      d.ctx.fail([...path, svc, 'condition'], `unknown condition "${condition}" (use ${[...CONDITIONS].join(', ')})`);
    out[svc] = {
      condition: condition as DependencyCondition,
      required: c.required !== false,
      restart: c.restart === true,
    };
  }
  return out;
}

function restart(d: ServiceParseDeps, path: Path, value: unknown): RestartPolicy {
  const text = value === false ? 'no' : scalarString(d.ctx, path, value);
  const m = /^(no|always|unless-stopped|on-failure)(?::(\d+))?$/.exec(text);
  if (!m || (m[2] !== undefined && m[1] !== 'on-failure'))
    d.ctx.fail(path, `invalid restart policy "${text}" (use "no", always, on-failure[:N], unless-stopped)`);
  return { name: m[1] as RestartPolicy['name'], maximumRetryCount: m[2] === undefined ? 0 : Number(m[2]) };
}

function healthcheck(d: ServiceParseDeps, path: Path, value: unknown): Healthcheck {
  if (!isMapping(value)) d.ctx.fail(path, 'expected a mapping');
  const allowed = ['test', 'interval', 'timeout', 'start_period', 'retries', 'disable'];
  for (const k of Object.keys(value))
    if (!allowed.includes(k)) d.ctx.unsupported(undefined, `healthcheck.${k}`, [...path, k]);
  if (value.disable === true) return { test: ['NONE'] };
  let test: string[];
  if (typeof value.test === 'string') test = ['CMD-SHELL', value.test];
  else {
    test = list(d, [...path, 'test'], value.test).map((w, i) => scalarString(d.ctx, [...path, 'test', i], w));
    if (!['CMD', 'CMD-SHELL', 'NONE'].includes(test[0]))
      d.ctx.fail([...path, 'test'], 'a healthcheck test list must start with CMD, CMD-SHELL or NONE');
  }
  const dur = (k: string): number | undefined =>
    value[k] === undefined ? undefined : d.ctx.field([...path, k], () => parseDurationNs(value[k] as string | number));
  let retries: number | undefined;
  if (value.retries !== undefined) {
    retries = Number(value.retries);
    if (!Number.isInteger(retries) || retries < 0) d.ctx.fail([...path, 'retries'], 'expected a non-negative integer');
  }
  return { test, intervalNs: dur('interval'), timeoutNs: dur('timeout'), startPeriodNs: dur('start_period'), retries };
}

function optionalString(
  d: ServiceParseDeps,
  raw: Record<string, unknown>,
  key: string,
  path: Path,
): string | undefined {
  return raw[key] === undefined || raw[key] === null ? undefined : scalarString(d.ctx, [...path, key], raw[key]);
}

function volumesFrom(d: ServiceParseDeps, path: Path, value: unknown): VolumesFrom[] {
  return list(d, path, value).map((entry, i): VolumesFrom => {
    const text = scalarString(d.ctx, [...path, i], entry);
    const parts = text.split(':');
    const isContainer = parts[0] === 'container';
    const [ref, mode = 'rw'] = isContainer ? parts.slice(1) : parts;
    if (ref === undefined || ref === '' || (mode !== 'rw' && mode !== 'ro'))
      d.ctx.fail([...path, i], `expected "SERVICE[:ro|rw]" or "container:NAME[:ro|rw]", got "${text}"`);
    return isContainer ? { container: ref, mode } : { service: ref, mode };
  });
}

const PULL_POLICIES: Readonly<Record<string, PullPolicy>> = {
  always: 'always',
  never: 'never',
  missing: 'missing',
  if_not_present: 'missing',
  build: 'build',
};

/** Parses and normalizes one service definition (its `extends` resolved first). */
export function parseService(name: string, given: unknown, d: ServiceParseDeps): ServiceConfig {
  const path: Path = ['services', name];
  const extended = resolveExtends(name, given, {
    ctx: d.ctx,
    rawServices: d.rawServices,
    workingDir: d.volumes.workingDir,
    loadFile: d.loadFile,
  });
  const raw = extended.service;
  if (!isMapping(raw)) d.ctx.fail(path, `service "${name}" must be a mapping`);
  for (const key of Object.keys(raw)) {
    if (!SUPPORTED.has(key) && !key.startsWith('x-')) d.ctx.unsupported(name, key, [...path, key]);
  }
  const at = (key: string): Path => [...path, key];
  const build = raw.build === undefined ? undefined : parseBuild(d.ctx, at('build'), raw.build, d.volumes.workingDir);
  if (build === undefined && (typeof raw.image !== 'string' || raw.image === ''))
    d.ctx.fail(at('image'), `service "${name}" needs an "image" or a "build"`);
  if (raw.image !== undefined && typeof raw.image !== 'string') d.ctx.fail(at('image'), 'expected a string');
  if (raw.develop !== undefined)
    d.warn(`service "${name}": develop (compose watch) is not part of rxcharm's engine; ignored`);
  const deploy = raw.deploy === undefined ? undefined : parseDeploy(d.ctx, name, at('deploy'), raw.deploy, d.warn);
  const mounts = [
    ...(raw.secrets === undefined
      ? []
      : parseFileReferences(d.ctx, name, 'secrets', at('secrets'), raw.secrets, d.secrets, d.warn)),
    ...(raw.configs === undefined
      ? []
      : parseFileReferences(d.ctx, name, 'configs', at('configs'), raw.configs, d.configs, d.warn)),
  ];
  const options = { ...deploy?.resources, ...parseContainerOptions(d.ctx, path, raw) };
  let pullPolicy: PullPolicy | undefined;
  if (raw.pull_policy !== undefined) {
    pullPolicy = PULL_POLICIES[scalarString(d.ctx, at('pull_policy'), raw.pull_policy)];
    if (pullPolicy === undefined)
      d.ctx.fail(at('pull_policy'), 'unknown pull policy (use always, never, missing, if_not_present, build)');
  }
  if (pullPolicy === 'build' && build === undefined) d.ctx.fail(at('pull_policy'), 'pull_policy build needs a "build"');
  const fromFiles = envFiles(d, at('env_file'), raw.env_file);
  const environment = { ...fromFiles.env, ...keyValues(d, at('environment'), raw.environment, true) };
  let scale = deploy?.replicas ?? 1;
  if (raw.scale !== undefined) {
    scale = Number(raw.scale);
    if (!Number.isInteger(scale) || scale < 0) d.ctx.fail(at('scale'), 'expected a non-negative integer');
    if (deploy?.replicas !== undefined && deploy.replicas !== scale)
      d.ctx.fail(at('scale'), `scale (${scale}) and deploy.replicas (${deploy.replicas}) disagree`);
  }
  if (raw.init !== undefined && typeof raw.init !== 'boolean') d.ctx.fail(at('init'), 'expected true or false');
  const links =
    raw.links === undefined
      ? []
      : list(d, at('links'), raw.links).map((l, i): [string, string] => {
          const [svc, alias = svc] = scalarString(d.ctx, [...at('links'), i], l).split(':');
          return [svc, alias];
        });
  const containerName = optionalString(d, raw, 'container_name', path);
  // Refused rather than left to Docker, which would pick a random name (compose v2 refuses too).
  if (containerName === '')
    d.ctx.fail(at('container_name'), `container_name of service "${name}" is empty (after interpolation)`);
  if (containerName !== undefined && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(containerName))
    d.ctx.fail(at('container_name'), `invalid container_name "${containerName}" (use [a-zA-Z0-9][a-zA-Z0-9_.-]+)`);
  if (containerName !== undefined && scale > 1)
    d.ctx.fail(at('container_name'), `service "${name}" sets container_name and cannot scale to ${scale}`);
  const networkMode = optionalString(d, raw, 'network_mode', path);
  if (networkMode !== undefined && raw.networks !== undefined)
    d.ctx.fail(at('network_mode'), 'network_mode and networks cannot be combined');
  return {
    name,
    image: typeof raw.image === 'string' ? raw.image : '',
    command: words(d, at('command'), raw.command),
    entrypoint: words(d, at('entrypoint'), raw.entrypoint),
    environment,
    envFiles: fromFiles.files,
    ports: raw.ports === undefined ? [] : ports(d, at('ports'), raw.ports),
    expose:
      raw.expose === undefined
        ? []
        : list(d, at('expose'), raw.expose).flatMap((e, i) =>
            d.ctx.field([...at('expose'), i], () => parseExpose(e as string)),
          ),
    volumes: [...(raw.volumes === undefined ? [] : volumes(d, at('volumes'), raw.volumes)), ...mounts],
    networks:
      networkMode !== undefined
        ? {}
        : raw.networks === undefined
          ? { default: { aliases: [] } }
          : networks(d, at('networks'), raw.networks),
    networkMode,
    dependsOn: raw.depends_on === undefined ? {} : dependsOn(d, at('depends_on'), raw.depends_on),
    links,
    restart: raw.restart === undefined ? deploy?.restart : restart(d, at('restart'), raw.restart),
    healthcheck: raw.healthcheck === undefined ? undefined : healthcheck(d, at('healthcheck'), raw.healthcheck),
    stopGracePeriodSeconds:
      raw.stop_grace_period === undefined
        ? undefined
        : Math.ceil(d.ctx.field(at('stop_grace_period'), () => parseDurationNs(raw.stop_grace_period as string)) / 1e9),
    stopSignal: optionalString(d, raw, 'stop_signal', path),
    init: raw.init as boolean | undefined,
    labels: keyValues(d, at('labels'), raw.labels, false) as Record<string, string>,
    containerName,
    scale,
    workingDir: optionalString(d, raw, 'working_dir', path),
    user: optionalString(d, raw, 'user', path),
    hostname: optionalString(d, raw, 'hostname', path),
    ...(Object.keys(options).length === 0 ? {} : { options }),
    ...(build === undefined ? {} : { build }),
    ...(raw.profiles === undefined
      ? {}
      : {
          profiles: list(d, at('profiles'), raw.profiles).map((p, i) => scalarString(d.ctx, [...at('profiles'), i], p)),
        }),
    ...(pullPolicy === undefined ? {} : { pullPolicy }),
    ...(raw.volumes_from === undefined ? {} : { volumesFrom: volumesFrom(d, at('volumes_from'), raw.volumes_from) }),
    ...(extended.files.length === 0 ? {} : { sourceFiles: extended.files }),
  };
}
