import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { loadYaml } from '../../charm';
import { ComposeFileError, ComposeInterpolationError } from '../errors';
import { interpolate, InterpolationFailure } from './interpolate';
import { mergeCompose } from './merge-compose';
import { isMapping, ParseContext, scalarString, type Path } from './parse-context';
import { parseFileObjects } from './parse-file-objects';
import { RESOURCE_KEYS, resourceOptions } from './parse-resource-options';
import { parseService } from './parse-service';
import { networkService, type ComposeModel, type NetworkConfig, type ServiceConfig, type VolumeConfig } from './types';

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

/** Mappings whose keys are names chosen by the author, where an `x-` key is a real entry. */
const USER_KEYED = new Set([
  'environment',
  'labels',
  'annotations',
  'sysctls',
  'extra_hosts',
  'args',
  'driver_opts',
  'options',
  'networks',
  'depends_on',
  'services',
  'volumes',
  'configs',
  'secrets',
]);

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
    // Extension keys are dropped inside definitions, where keys have fixed meanings; they stay in
    // mappings whose keys are names the author chooses (variables, labels, services...).
    const extensible = path.length >= 2 && !USER_KEYED.has(String(path[path.length - 1]));
    for (const [k, v] of Object.entries(value)) {
      if (extensible && k.startsWith('x-')) continue;
      out[k] = interpolateTree(v, [...path, k], ctx, env, warn);
    }
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
  const noun = kind === 'networks' ? 'network' : 'volume';
  for (const [key, cfg] of Object.entries(raw)) {
    const c = cfg === null ? {} : cfg;
    if (!isMapping(c)) ctx.fail([kind, key], 'expected a mapping or nothing');
    for (const k of Object.keys(c))
      if (!RESOURCE_KEYS[kind].includes(k) && !k.startsWith('x-'))
        ctx.unsupported(undefined, `${kind}.${key}.${k}`, [kind, key, k]);
    const labels: Record<string, string> = {};
    if (isMapping(c.labels))
      for (const [lk, lv] of Object.entries(c.labels)) labels[lk] = scalarString(ctx, [kind, key, 'labels', lk], lv);
    else if (Array.isArray(c.labels))
      c.labels.forEach((l, i) => {
        const [lk, ...rest] = scalarString(ctx, [kind, key, 'labels', i], l).split('=');
        labels[lk] = rest.join('=');
      });
    let name = c.name === undefined ? undefined : scalarString(ctx, [kind, key, 'name'], c.name);
    // The legacy `external: {name: x}` form (file formats 2.x and 3.x).
    let external = c.external === true;
    if (isMapping(c.external)) {
      for (const k of Object.keys(c.external))
        if (k !== 'name') ctx.unsupported(undefined, `${kind}.${key}.external.${k}`, [kind, key, 'external', k]);
      external = true;
      if (c.external.name !== undefined) name = scalarString(ctx, [kind, key, 'external', 'name'], c.external.name);
    } else if (c.external !== undefined && typeof c.external !== 'boolean')
      ctx.fail([kind, key, 'external'], 'expected true, false or {name: ...}');
    // An empty name would give the engine an anonymous volume (or fail late for a network).
    if (name === '') ctx.fail([kind, key, 'name'], `${noun} "${key}" has an empty name (after interpolation)`);
    if (external && (c.driver !== undefined || c.labels !== undefined))
      ctx.fail([kind, key, 'external'], `external ${noun} "${key}" cannot set driver or labels (it is not created)`);
    out[key] = {
      name,
      external,
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
    const shared = networkService(svc);
    if (shared !== undefined && !(shared in services))
      ctx.fail(
        ['services', svc.name, 'network_mode'],
        `service "${svc.name}" shares the network of undefined service "${shared}"`,
      );
    if (shared === svc.name)
      ctx.fail(['services', svc.name, 'network_mode'], `service "${svc.name}" cannot share its own network`);
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
    const shared = networkService(svc);
    for (const dep of [...Object.keys(svc.dependsOn), ...svc.links.map(([s]) => s), ...(shared ? [shared] : [])])
      visit(dep, [...trail, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(services)) visit(name, []);
}

const VERSION1_ONLY = new Set(['net', 'volume_driver', 'external_links', 'dockerfile', 'log_driver', 'log_opt']);

/**
 * The version 1 format (docker-compose before file format 2): no `version` and no `services`, every
 * other key a service (a mapping with `image` or `build`, or a key only that format has).
 */
function isVersion1(raw: Record<string, unknown>): boolean {
  if (raw.version !== undefined || raw.services !== undefined) return false;
  const keys = Object.keys(raw).filter((k) => !k.startsWith('x-'));
  return (
    keys.length > 0 &&
    keys.every((k) => {
      const svc = raw[k];
      return isMapping(svc) && ('image' in svc || 'build' in svc || Object.keys(svc).some((o) => VERSION1_ONLY.has(o)));
    })
  );
}

/**
 * Rewrites a version 1 file into the current form: services under `services`, `net` as
 * `network_mode` (`container:<service>` naming a service becomes `service:<service>`), and every
 * service without one on the default bridge network, where docker-compose v1 put them (there is
 * no project network in that format; `links` connect the containers).
 */
function fromVersion1(raw: Record<string, unknown>): Record<string, unknown> {
  const services: Record<string, unknown> = {};
  const extensions: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (name.startsWith('x-')) {
      extensions[name] = value;
      continue;
    }
    const { net, ...svc } = value as Record<string, unknown>;
    let mode = svc.network_mode ?? net ?? 'bridge';
    if (typeof mode === 'string' && mode.startsWith('container:') && mode.slice(10) in raw)
      mode = `service:${mode.slice(10)}`;
    services[name] = { ...svc, network_mode: mode };
  }
  return { ...extensions, services };
}

/** One file, read and interpolated on its own (the specification interpolates before merging). */
interface LoadedFile {
  readonly file: string;
  readonly raw: Record<string, unknown>;
  /** The line of `path` (in the merged, current form), or undefined when this file does not write it. */
  readonly lineOf: (path: Path) => number | undefined;
}

function has(tree: unknown, path: Path): boolean {
  let node = tree;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isMapping(node) && typeof key === 'string' && key in node) node = node[key];
    else return false;
  }
  return true;
}

function loadFile(text: string, file: string, options: ParseComposeOptions): LoadedFile {
  // Loaded on first parse, not at import: a cached model (see Compose's cacheDir) never needs it.
  const { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } = loadYaml();
  const lines = new LineCounter();
  // `merge`: YAML merge keys (`<<: *base`), which the compose specification allows and files use with `x-` anchors.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, merge: true });
  // The line of the key (for mappings) or item (for lists) at `path`, else of its nearest ancestor.
  const lineInDoc = (path: Path): number | undefined => {
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
  // In the version 1 format services sit at the top level: their paths lose the `services` prefix.
  let version1 = false;
  const lineOf = (path: Path): number | undefined =>
    lineInDoc(version1 && path[0] === 'services' ? path.slice(1) : path);
  const ctx: ParseContext = new ParseContext(file, lineOf);
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const line = err.linePos?.[0]?.line ?? lines.linePos(err.pos[0]).line;
    throw new ComposeFileError(
      `YAML syntax error: ${err.message.split('\n')[0]}`,
      { file, path: '', line },
      { cause: err },
    );
  }
  // An unknown tag (`!reset`, `!override`) would otherwise be dropped and its value kept as is.
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag !== undefined)
    throw new ComposeFileError(
      `unsupported YAML tag: ${tag.message.split(' at line')[0].replace('Unresolved tag: ', '')} (rxcharm does not implement !reset or !override)`,
      { file, path: '', line: tag.linePos?.[0]?.line ?? lines.linePos(tag.pos[0]).line },
    );
  const warn = options.onWarning ?? (() => {});
  const interpolated = interpolateTree(doc.toJS(), [], ctx, options.env, warn);
  if (interpolated === null || interpolated === undefined)
    ctx.fail([], 'the file is empty: a compose file needs a "services" mapping');
  if (!isMapping(interpolated)) ctx.fail([], 'a compose file must be a mapping with "services"');
  version1 = isVersion1(interpolated);
  if (version1)
    warn(
      `${file}: the version 1 format (services at the top level) is deprecated; ` +
        'put the services under "services:" (rxcharm runs them on the default bridge network, as docker-compose v1 did)',
    );
  return { file, raw: version1 ? fromVersion1(interpolated) : interpolated, lineOf };
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
  return parseComposeFiles([{ file: options.file, text }], options);
}

/**
 * Parses several compose files as one project (`-f a.yml -f b.yml`): each is interpolated on its
 * own, then merged over the earlier ones by the specification's rules (see `mergeCompose`); the
 * result is validated and normalized as one file whose relative paths resolve against the first
 * file's directory. An error names the file (and line) that wrote the offending value.
 *
 * @param files - in order; `options.file` is ignored.
 * @throws as {@link parseCompose}.
 */
export function parseComposeFiles(
  files: readonly { readonly file: string; readonly text: string }[],
  options: ParseComposeOptions,
): ComposeModel {
  if (files.length === 0) throw new ComposeFileError('no compose file given', { file: options.file, path: '' });
  const loaded = files.map((f) => loadFile(f.text, f.file, options));
  const raw = loaded.slice(1).reduce((acc, f) => mergeCompose(acc, f.raw), loaded[0].raw);
  const ctx: ParseContext =
    loaded.length === 1
      ? new ParseContext(loaded[0].file, loaded[0].lineOf)
      : new ParseContext(loaded[0].file, (path) => {
          // The last file that writes the path (or its nearest written ancestor) set the value.
          for (let p = [...path]; p.length >= 0; p = p.slice(0, -1)) {
            const from = [...loaded].reverse().find((f) => has(f.raw, p));
            if (from !== undefined) return { file: from.file, line: from.lineOf(path) };
            if (p.length === 0) break;
          }
          return undefined;
        });
  const warn = options.onWarning ?? (() => {});
  const file = resolve(loaded[0].file);
  for (const key of Object.keys(raw))
    if (!TOP_LEVEL.has(key) && !key.startsWith('x-')) ctx.unsupported(undefined, key, [key]);
  if (raw.version !== undefined && !/^[23](\.\d+)?$/.test(String(raw.version)))
    ctx.fail(['version'], `unsupported version "${String(raw.version)}" (use "2", "3" or none)`);
  if (raw.services === undefined || raw.services === null)
    ctx.fail(
      raw.services === null ? ['services'] : [],
      raw.services === null
        ? 'the "services" mapping is empty: list at least one service under it'
        : 'no "services" mapping at the top level: a compose file lists its services under "services:"',
    );
  if (!isMapping(raw.services))
    ctx.fail(
      ['services'],
      `"services" must be a mapping of service names to their definitions, got ${Array.isArray(raw.services) ? 'a list' : typeof raw.services}`,
    );
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
    // A file named by `extends: {file:}`: read and interpolated as this one is.
    loadFile: (path: string): unknown => loadFile(readFile(path), path, options).raw,
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
