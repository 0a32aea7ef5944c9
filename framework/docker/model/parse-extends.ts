import { dirname, isAbsolute, resolve } from 'node:path';
import { isMapping, scalarString, type ParseContext, type Path } from './parse-context';

/** What resolving `extends` needs: the file's raw services and a loader for other files. */
export interface ExtendsDeps {
  readonly ctx: ParseContext;
  readonly rawServices: Readonly<Record<string, unknown>>;
  /** Directory of the file being parsed. */
  readonly workingDir: string;
  /** Reads, parses and interpolates another compose file. */
  readonly loadFile: (path: string) => unknown;
}

type Raw = Record<string, unknown>;

/** Keys whose lists are merged by appending what the base lacks (compose specification, "merge"). */
const SEQUENCES = new Set([
  'cap_add',
  'cap_drop',
  'devices',
  'dns',
  'dns_opt',
  'dns_search',
  'env_file',
  'expose',
  'external_links',
  'group_add',
  'links',
  'ports',
  'profiles',
  'secrets',
  'configs',
  'security_opt',
  'tmpfs',
  'volumes_from',
]);
/** Keys written as `KEY=VALUE` lists or mappings, merged by key. */
const KEY_VALUES = new Set(['environment', 'labels', 'sysctls', 'extra_hosts', 'annotations']);
/** Keys replaced whole, never merged. */
const REPLACED = new Set(['command', 'entrypoint']);

function asMap(value: unknown, sep: string): Raw {
  if (isMapping(value)) return { ...value };
  const out: Raw = {};
  if (Array.isArray(value))
    for (const entry of value) {
      const text = String(entry);
      const at = text.indexOf(sep);
      out[at < 0 ? text : text.slice(0, at)] = at < 0 ? null : text.slice(at + 1);
    }
  return out;
}

function mountTarget(entry: unknown): string {
  if (isMapping(entry)) return String(entry.target);
  const parts = String(entry).split(':');
  return parts.length === 1 ? parts[0] : parts[1];
}

/** Merges an override service mapping over a base one with the specification's rules. */
export function mergeService(base: Raw, over: Raw): Raw {
  const out: Raw = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    if (prev === undefined || REPLACED.has(key)) out[key] = value;
    else if (KEY_VALUES.has(key))
      out[key] = {
        ...asMap(prev, key === 'extra_hosts' ? ':' : '='),
        ...asMap(value, key === 'extra_hosts' ? ':' : '='),
      };
    else if (key === 'volumes' && Array.isArray(prev) && Array.isArray(value)) {
      const byTarget = new Map(prev.map((v) => [mountTarget(v), v]));
      for (const v of value) byTarget.set(mountTarget(v), v);
      out[key] = [...byTarget.values()];
    } else if (SEQUENCES.has(key) && Array.isArray(prev) && Array.isArray(value))
      out[key] = [...prev, ...value.filter((v) => !prev.some((p) => JSON.stringify(p) === JSON.stringify(v)))];
    else if (isMapping(prev) && isMapping(value)) out[key] = mergeService(prev, value);
    else out[key] = value;
  }
  return out;
}

/** Makes a service's relative paths (build context, env files, bind sources) absolute against `dir`. */
function rebase(svc: Raw, dir: string): Raw {
  const abs = (p: string): string => (isAbsolute(p) || p.startsWith('~') ? p : resolve(dir, p));
  const out = { ...svc };
  if (typeof out.build === 'string') out.build = abs(out.build);
  else if (isMapping(out.build)) out.build = { ...out.build, context: abs(String(out.build.context ?? '.')) };
  if (typeof out.env_file === 'string') out.env_file = abs(out.env_file);
  else if (Array.isArray(out.env_file))
    out.env_file = out.env_file.map((e) => (isMapping(e) ? { ...e, path: abs(String(e.path)) } : abs(String(e))));
  if (Array.isArray(out.volumes))
    out.volumes = out.volumes.map((v) => {
      if (isMapping(v)) return v.type === 'bind' && typeof v.source === 'string' ? { ...v, source: abs(v.source) } : v;
      const text = String(v);
      return text.startsWith('.') ? abs(text.split(':')[0]) + text.slice(text.split(':')[0].length) : v;
    });
  return out;
}

/**
 * A service's raw mapping with `extends` resolved (same file or another, recursively), and the
 * other files it was read from. The base is merged under the service as the compose
 * specification says: mappings by key, `environment`/`labels` by variable, `volumes` by target,
 * lists such as `ports` appended, `command`/`entrypoint` replaced. Relative paths of a service
 * from another file resolve against that file's directory.
 */
export function resolveExtends(
  name: string,
  raw: unknown,
  deps: ExtendsDeps,
): { readonly service: unknown; readonly files: readonly string[] } {
  const files: string[] = [];
  const resolveIn = (
    svcName: string,
    svc: unknown,
    services: Readonly<Record<string, unknown>>,
    file: string | undefined,
    trail: readonly string[],
    path: Path,
  ): unknown => {
    if (!isMapping(svc) || svc.extends === undefined) return svc;
    const ext = svc.extends;
    const at = [...path, 'extends'];
    const spec: Raw = isMapping(ext) ? ext : { service: scalarString(deps.ctx, at, ext) };
    for (const k of Object.keys(spec))
      if (k !== 'service' && k !== 'file') deps.ctx.fail([...at, k], `unknown extends key "${k}" (use service, file)`);
    const baseName = scalarString(deps.ctx, [...at, 'service'], spec.service);
    let baseServices = services;
    let baseFile = file;
    if (spec.file !== undefined) {
      const dir = file === undefined ? deps.workingDir : dirname(file);
      baseFile = resolve(dir, scalarString(deps.ctx, [...at, 'file'], spec.file));
      let loaded: unknown;
      try {
        loaded = deps.loadFile(baseFile);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && code.startsWith('E'))
          deps.ctx.fail([...at, 'file'], `cannot read ${baseFile}: ${(error as Error).message}`);
        throw error;
      }
      files.push(baseFile);
      const doc = isMapping(loaded) ? loaded : {};
      baseServices = isMapping(doc.services) ? doc.services : doc; // version 1 files hold services at the top
    }
    const key = `${baseFile ?? ''}#${baseName}`;
    if (trail.includes(key))
      deps.ctx.fail(at, `extends cycle: ${[...trail, key].map((k) => k.split('#')[1]).join(' → ')}`);
    if (!(baseName in baseServices))
      deps.ctx.fail(
        [...at, 'service'],
        `service "${svcName}" extends undefined service "${baseName}"${baseFile === undefined ? '' : ` in ${baseFile}`}`,
      );
    const found = resolveIn(baseName, baseServices[baseName], baseServices, baseFile, [...trail, key], at);
    if (!isMapping(found)) deps.ctx.fail([...at, 'service'], `service "${baseName}" must be a mapping`);
    const base = baseFile !== file && baseFile !== undefined ? rebase(found, dirname(baseFile)) : found;
    const own = { ...svc };
    delete own.extends;
    return mergeService(base, own);
  };
  const service = resolveIn(name, raw, deps.rawServices, undefined, [`#${name}`], ['services', name]);
  return { service, files };
}
