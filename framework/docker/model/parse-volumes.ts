import { isAbsolute, posix, resolve } from 'node:path';
import type { VolumeMount } from './types';
import { ValueError } from './value-error';

/** Context a volume entry resolves against. */
export interface VolumeContext {
  /** Directory relative bind sources resolve against. */
  readonly workingDir: string;
  /** Home directory for `~`. */
  readonly home: string;
  /** Keys of the top-level `volumes` mapping. */
  readonly declared: ReadonlySet<string>;
}

function isPathLike(source: string): boolean {
  return source.startsWith('.') || source.startsWith('/') || source.startsWith('~');
}

function bindSource(source: string, ctx: VolumeContext): string {
  if (source.startsWith('~')) return resolve(ctx.home, source.slice(source.startsWith('~/') ? 2 : 1));
  return isAbsolute(source) ? posix.normalize(source) : resolve(ctx.workingDir, source);
}

function cleanTarget(target: string): string {
  if (!target.startsWith('/')) throw new ValueError(`volume target "${target}" must be an absolute path`);
  return posix.normalize(target);
}

function named(source: string, ctx: VolumeContext): string {
  if (!ctx.declared.has(source))
    throw new ValueError(`refers to undefined volume "${source}" (declare it under top-level volumes)`);
  return source;
}

/** Parses the short form `[SOURCE:]TARGET[:OPTS]`. */
export function parseVolumeShort(spec: string, ctx: VolumeContext): VolumeMount {
  const parts = spec.split(':');
  if (parts.some((p) => p === '')) throw new ValueError(`empty section in volume "${spec}"`);
  if (parts.length > 3) throw new ValueError(`too many colons in volume "${spec}"`);
  if (parts.length === 1) return { type: 'volume', target: cleanTarget(parts[0]), readOnly: false };
  const [source, target, opts = ''] = parts;
  const flags = opts.split(',').filter(Boolean);
  const readOnly = flags.includes('ro');
  if (isPathLike(source))
    return { type: 'bind', source: bindSource(source, ctx), target: cleanTarget(target), readOnly };
  return { type: 'volume', source: named(source, ctx), target: cleanTarget(target), readOnly };
}

/** Parses the long form `{type, source?, target, read_only?}` (types volume, bind, tmpfs). */
export function parseVolumeLong(value: Record<string, unknown>, ctx: VolumeContext): VolumeMount {
  for (const key of Object.keys(value)) {
    if (!['type', 'source', 'target', 'read_only', 'volume', 'bind', 'tmpfs', 'consistency'].includes(key)) {
      throw new ValueError(`unsupported volume key "${key}"`, [key]);
    }
  }
  const type = value.type;
  if (type !== 'volume' && type !== 'bind' && type !== 'tmpfs')
    throw new ValueError('volume "type" must be volume, bind or tmpfs', ['type']);
  if (typeof value.target !== 'string') throw new ValueError('volume "target" must be a path', ['target']);
  const target = cleanTarget(value.target);
  const readOnly = value.read_only === true;
  const source = value.source === undefined || value.source === null ? undefined : String(value.source);
  if (type === 'tmpfs') return { type, target, readOnly };
  if (type === 'bind') {
    if (source === undefined) throw new ValueError('a bind mount needs a "source"', ['source']);
    return { type, source: bindSource(source, ctx), target, readOnly };
  }
  return source === undefined ? { type, target, readOnly } : { type, source: named(source, ctx), target, readOnly };
}
