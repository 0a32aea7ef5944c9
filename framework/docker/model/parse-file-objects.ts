import { isAbsolute, resolve } from 'node:path';
import { isMapping, scalarString, type ParseContext, type Path } from './parse-context';
import type { VolumeMount } from './types';

/** Top-level `secrets:` and `configs:`: name → absolute path of the file that holds it. */
export interface FileObjects {
  readonly secrets: Readonly<Record<string, string>>;
  readonly configs: Readonly<Record<string, string>>;
}

/**
 * Reads top-level `secrets` or `configs`. Only the file-based form runs without Swarm (docker
 * compose v2 mounts the file); `external`, `environment` and `content` are refused with a message
 * that names them.
 */
export function parseFileObjects(
  ctx: ParseContext,
  kind: 'secrets' | 'configs',
  raw: unknown,
  workingDir: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw === undefined || raw === null) return out;
  if (!isMapping(raw)) ctx.fail([kind], 'expected a mapping');
  for (const [name, cfg] of Object.entries(raw)) {
    const at: Path = [kind, name];
    if (!isMapping(cfg)) ctx.fail(at, 'expected a mapping with "file"');
    for (const key of Object.keys(cfg)) {
      if (key === 'file' || key === 'name' || key.startsWith('x-')) continue;
      if (['external', 'environment', 'content', 'driver', 'driver_opts', 'template_driver', 'labels'].includes(key))
        ctx.fail(
          [...at, key],
          `${kind}.${name}.${key}: only file-based ${kind} are supported outside Swarm (use "file:")`,
        );
      ctx.unsupported(undefined, `${kind}.${name}.${key}`, [...at, key]);
    }
    if (cfg.file === undefined) ctx.fail(at, `${kind.slice(0, -1)} "${name}" needs "file:"`);
    out[name] = resolve(workingDir, scalarString(ctx, [...at, 'file'], cfg.file));
  }
  return out;
}

/**
 * A service's `secrets:` or `configs:` references, as read-only bind mounts of their files (docker
 * compose v2's translation without Swarm): a secret lands in `/run/secrets/<target or name>`, a
 * config in `/<name>` unless `target` says otherwise. `uid`, `gid` and `mode` cannot apply to a
 * bind mount: they are ignored with a warning, as docker compose does.
 */
export function parseFileReferences(
  ctx: ParseContext,
  service: string,
  kind: 'secrets' | 'configs',
  path: Path,
  value: unknown,
  defined: Readonly<Record<string, string>>,
  warn: (message: string) => void,
): VolumeMount[] {
  if (!Array.isArray(value)) ctx.fail(path, `expected a list of ${kind}`);
  return value.map((entry, i): VolumeMount => {
    const at = [...path, i];
    const ref: Record<string, unknown> = isMapping(entry) ? entry : { source: scalarString(ctx, at, entry) };
    for (const k of Object.keys(ref))
      if (!['source', 'target', 'uid', 'gid', 'mode'].includes(k))
        ctx.fail([...at, k], `unknown key "${k}" (use source, target, uid, gid, mode)`);
    const source = scalarString(ctx, [...at, 'source'], ref.source);
    if (!(source in defined)) ctx.fail(at, `service "${service}" refers to undefined ${kind.slice(0, -1)} "${source}"`);
    for (const k of ['uid', 'gid', 'mode'])
      if (ref[k] !== undefined)
        warn(`service "${service}": ${kind}.${source}.${k} cannot apply to a file-based ${kind.slice(0, -1)}; ignored`);
    const target = ref.target === undefined ? source : scalarString(ctx, [...at, 'target'], ref.target);
    const base = kind === 'secrets' ? '/run/secrets' : '/';
    return {
      type: 'bind',
      source: defined[source],
      target: isAbsolute(target) ? target : resolve(base, target),
      readOnly: true,
    };
  });
}
