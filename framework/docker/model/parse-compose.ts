import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import type * as Yaml from 'yaml';
import { ComposeFileError, ComposeInterpolationError } from '../errors';
import { interpolate, InterpolationFailure } from './interpolate';
import { isMapping, ParseContext, scalarString, type Path } from './parse-context';
import { parseFileObjects } from './parse-file-objects';
import { RESOURCE_KEYS, resourceOptions } from './parse-resource-options';
import { parseService } from './parse-service';
import type { ComposeModel, NetworkConfig, ServiceConfig, VolumeConfig } from './types';

/** Options of {@link parseCompose}. */
export interface ParseComposeOptions {
  /** Path of the file (used for messages and to resolve relative paths). */
  readonly file: string;
  /** Interpolation environment (OS environment merged over `.env`); defaults to none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Reads `env_file` files; defaults to `fs.readFileSync(path, 'utf8')`. */
  readonly readFile?: (path: string) => string;
  /** Home directory for `~` in bind sources; defaults to `os.homedir()`. */
  readonly home?: string;
  /** Receives a warning for each unset variable used without a default. */
  readonly onWarning?: (message: string) => void;
}

const TOP_LEVEL = new Set(['version', 'name', 'services', 'networks', 'volumes', 'secrets', 'configs']);

function interpolateTree(
  value: unknown,
  path: Path,
  ctx: ParseContext,
  env: ParseComposeOptions['env'],
  warn: (m: string) => void,
): unknown {
  if (typeof value === 'string') {
    try {
      return interpolate(value, env ?? {}, (name) =>
        warn(`The "${name}" variable is not set. Defaulting to a blank string.`),
      );
    } catch (error) {
      if (error instanceof InterpolationFailure) throw new ComposeInterpolationError(error.message, ctx.location(path));
      throw error;
    }
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolateTree(v, [...path, i], ctx, env, warn));
  if (isMapping(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = interpolateTree(v, [...path, k], ctx, env, warn);
    return out;
  }
  return value;
}

function resources<T extends NetworkConfig | VolumeConfig>(
  ctx: ParseContext,
  kind: 'networks' | 'volumes',
  raw: unknown,
): Record<string, T> {
  const out: Record<string, T> = {};
  if (raw === undefined || raw === null) return out;
  if (!isMapping(raw)) ctx.fail([kind], 'expected a mapping');
  for (const [key, cfg] of Object.entries(raw)) {
    const c = cfg === null ? {} : cfg;
    if (!isMapping(c)) ctx.fail([kind, key], 'expected a mapping or nothing');
    for (const k of Object.keys(c))
      if (!RESOURCE_KEYS[kind].includes(k)) ctx.unsupported(undefined, `${kind}.${key}.${k}`, [kind, key, k]);
    const labels: Record<string, string> = {};
    if (isMapping(c.labels))
      for (const [lk, lv] of Object.entries(c.labels)) labels[lk] = scalarString(ctx, [kind, key, 'labels', lk], lv);
    else if (Array.isArray(c.labels))
      c.labels.forEach((l, i) => {
        const [lk, ...rest] = scalarString(ctx, [kind, key, 'labels', i], l).split('=');
        labels[lk] = rest.join('=');
      });
    out[key] = {
      name: c.name === undefined ? undefined : scalarString(ctx, [kind, key, 'name'], c.name),
      external: c.external === true,
      driver: c.driver === undefined ? undefined : scalarString(ctx, [kind, key, 'driver'], c.driver),
      labels,
      ...resourceOptions(ctx, kind, key, c),
    } as T;
  }
  return out;
}

function checkGraph(ctx: ParseContext, services: Record<string, ServiceConfig>): void {
  for (const svc of Object.values(services)) {
    for (const dep of Object.keys(svc.dependsOn)) {
      if (!(dep in services))
        ctx.fail(
          ['services', svc.name, 'depends_on', dep],
          `service "${svc.name}" depends on undefined service "${dep}"`,
        );
    }
    for (const [dep] of svc.links) {
      if (!(dep in services))
        ctx.fail(['services', svc.name, 'links'], `service "${svc.name}" links to undefined service "${dep}"`);
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting')
      ctx.fail(['services', name, 'depends_on'], `dependency cycle: ${[...trail, name].join(' → ')}`);
    state.set(name, 'visiting');
    const svc = services[name];
    for (const dep of [...Object.keys(svc.dependsOn), ...svc.links.map(([s]) => s)]) visit(dep, [...trail, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(services)) visit(name, []);
}

/**
 * Parses, interpolates, validates and normalizes a compose file (version "2", "3" or none).
 *
 * @param text - the YAML text.
 * @returns the normalized {@link ComposeModel}.
 * @throws ComposeFileError on invalid YAML or a malformed value (file, path and line in the message).
 * @throws UnsupportedComposeKeyError on a key rxcharm does not implement (names the service and key).
 * @throws ComposeInterpolationError on a malformed `${...}` or a missing `${VAR:?err}`.
 * @example
 * ```ts
 * const model = parseCompose(readFileSync('docker-compose.yml', 'utf8'), { file: 'docker-compose.yml', env: process.env });
 * ```
 */
export function parseCompose(text: string, options: ParseComposeOptions): ComposeModel {
  // Loaded on first parse, not at import: a cached model (see Compose's cacheDir) never needs it.
  const { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } = require('yaml') as typeof Yaml;
  const file = resolve(options.file);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  // The line of the key (for mappings) or item (for lists) at `path`, else of its nearest ancestor.
  const lineOf = (path: Path): number | undefined => {
    for (let p = [...path]; p.length > 0; p = p.slice(0, -1)) {
      const parent = p.length === 1 ? doc.contents : doc.getIn(p.slice(0, -1), true);
      const last = p[p.length - 1];
      let node: unknown;
      if (isMap(parent))
        node = parent.items.find((pair) => (isScalar(pair.key) ? pair.key.value : pair.key) === last)?.key;
      else if (isSeq(parent) && typeof last === 'number') node = parent.items[last];
      const range = isNode(node) ? node.range : undefined;
      if (range) return lines.linePos(range[0]).line;
    }
    return undefined;
  };
  const ctx: ParseContext = new ParseContext(options.file, lineOf);
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const line = err.linePos?.[0]?.line;
    throw new ComposeFileError(
      `YAML syntax error: ${err.message.split('\n')[0]}`,
      { file: options.file, path: '', line },
      { cause: err },
    );
  }
  const warn = options.onWarning ?? (() => {});
  const raw = interpolateTree(doc.toJS(), [], ctx, options.env, warn);
  if (!isMapping(raw)) ctx.fail([], 'a compose file must be a mapping with "services"');
  for (const key of Object.keys(raw))
    if (!TOP_LEVEL.has(key) && !key.startsWith('x-')) ctx.unsupported(undefined, key, [key]);
  if (raw.version !== undefined && !/^[23](\.\d+)?$/.test(String(raw.version)))
    ctx.fail(['version'], `unsupported version "${String(raw.version)}" (use "2", "3" or none)`);
  if (!isMapping(raw.services))
    ctx.fail(['services'], 'a compose file needs a "services" mapping (the version 1 format is not supported)');
  const workingDir = dirname(file);
  const volumes = resources<VolumeConfig>(ctx, 'volumes', raw.volumes);
  const networks = resources<NetworkConfig>(ctx, 'networks', raw.networks);
  const readFile = options.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  const deps = {
    ctx,
    volumes: { workingDir, home: options.home ?? homedir(), declared: new Set(Object.keys(volumes)) },
    networks: new Set(Object.keys(networks)),
    env: options.env ?? {},
    readFile,
    warn,
    secrets: parseFileObjects(ctx, 'secrets', raw.secrets, workingDir),
    configs: parseFileObjects(ctx, 'configs', raw.configs, workingDir),
    rawServices: raw.services,
    // A file named by `extends: {file:}`: parsed and interpolated as this one is.
    loadFile: (path: string): unknown => {
      const other = parseDocument(readFile(path), { uniqueKeys: true, prettyErrors: false });
      if (other.errors.length > 0)
        ctx.fail([], `YAML syntax error in ${path}: ${other.errors[0].message.split('\n')[0]}`);
      return interpolateTree(other.toJS(), [], new ParseContext(path, () => undefined), options.env, warn);
    },
  };
  const services: Record<string, ServiceConfig> = {};
  for (const [name, svc] of Object.entries(raw.services)) {
    if (!/^[a-zA-Z0-9._-]+$/.test(name)) ctx.fail(['services', name], `invalid service name "${name}"`);
    services[name] = parseService(name, svc, deps);
  }
  checkGraph(ctx, services);
  if (Object.values(services).some((s) => 'default' in s.networks) && !('default' in networks)) {
    networks.default = { external: false, labels: {} };
  }
  const name = raw.name === undefined ? undefined : scalarString(ctx, ['name'], raw.name);
  return { file, workingDir, name, services, networks, volumes };
}
