import { resolve } from 'node:path';
import { isMapping, scalarString, type ParseContext, type Path } from './parse-context';
import { parseBytes } from './parse-units';
import type { BuildConfig } from './types';

const KEYS = [
  'context',
  'dockerfile',
  'args',
  'target',
  'labels',
  'cache_from',
  'network',
  'extra_hosts',
  'shm_size',
  'platforms',
  'no_cache',
  'pull',
];

function stringMap(ctx: ParseContext, path: Path, value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(value)) {
    value.forEach((e, i) => {
      const text = scalarString(ctx, [...path, i], e);
      const eq = text.indexOf('=');
      out[eq < 0 ? text : text.slice(0, eq)] = eq < 0 ? '' : text.slice(eq + 1);
    });
    return out;
  }
  if (!isMapping(value)) ctx.fail(path, 'expected a list of "KEY=VALUE" or a mapping');
  for (const [k, v] of Object.entries(value)) out[k] = v === null ? '' : scalarString(ctx, [...path, k], v);
  return out;
}

function strings(ctx: ParseContext, path: Path, value: unknown): string[] {
  if (!Array.isArray(value)) ctx.fail(path, 'expected a list');
  return value.map((v, i) => scalarString(ctx, [...path, i], v));
}

/**
 * Reads a service's `build:` (a context path, or the long form). The context resolves against
 * the compose file's directory; a `platforms` list is accepted when it holds one platform (the
 * classic builder builds one).
 */
export function parseBuild(ctx: ParseContext, path: Path, value: unknown, workingDir: string): BuildConfig {
  if (typeof value === 'string') return { context: resolve(workingDir, value) };
  if (!isMapping(value)) ctx.fail(path, 'expected a context path or a mapping');
  for (const k of Object.keys(value))
    if (!KEYS.includes(k) && !k.startsWith('x-')) ctx.unsupported(undefined, `build.${k}`, [...path, k]);
  const at = (k: string): Path => [...path, k];
  const str = (k: string): string | undefined =>
    value[k] === undefined || value[k] === null ? undefined : scalarString(ctx, at(k), value[k]);
  const platforms = value.platforms === undefined ? [] : strings(ctx, at('platforms'), value.platforms);
  if (platforms.length > 1) ctx.fail(at('platforms'), 'building for several platforms needs BuildKit; give one');
  const extraHosts =
    value.extra_hosts === undefined
      ? undefined
      : isMapping(value.extra_hosts)
        ? Object.entries(value.extra_hosts).map(([h, ip]) => `${h}:${scalarString(ctx, at('extra_hosts'), ip)}`)
        : strings(ctx, at('extra_hosts'), value.extra_hosts).map((e) => e.replace('=', ':'));
  const config: Record<string, unknown> = {
    context: resolve(workingDir, str('context') ?? '.'),
    dockerfile: str('dockerfile'),
    args: value.args === undefined ? undefined : stringMap(ctx, at('args'), value.args),
    target: str('target'),
    labels: value.labels === undefined ? undefined : stringMap(ctx, at('labels'), value.labels),
    cacheFrom: value.cache_from === undefined ? undefined : strings(ctx, at('cache_from'), value.cache_from),
    network: str('network'),
    extraHosts,
    shmSize: value.shm_size === undefined ? undefined : ctx.field(at('shm_size'), () => parseBytes(value.shm_size)),
    platform: platforms[0],
    noCache: value.no_cache === true ? true : undefined,
    pull: value.pull === true ? true : undefined,
  };
  for (const k of Object.keys(config)) if (config[k] === undefined) delete config[k];
  return config as unknown as BuildConfig;
}
