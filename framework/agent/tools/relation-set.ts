import { defineTool } from './define-tool';
import { isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { RELATION_FLAG } from './flag-parser';
import { requireRelation } from './relation-read-tools';
import type { ToolEnv } from './tool-env';
import { ToolNeedsStdin, ToolRuntimeError, ToolUsageError } from './tool-errors';

/** Parses `key=value` arguments as Juju's `keyvalues.Parse`: trimmed, no empty or repeated keys. */
export function parseKeyValues(args: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const arg of args) {
    const at = arg.indexOf('=');
    if (at < 0) throw new ToolUsageError(`expected "key=value", got ${JSON.stringify(arg)}`);
    const key = arg.slice(0, at).trim();
    if (key === '') throw new ToolUsageError(`expected "key=value", got ${JSON.stringify(arg)}`);
    if (key in out) throw new ToolUsageError(`key ${JSON.stringify(key)} specified more than once`);
    out[key] = arg.slice(at + 1).trim();
  }
  return out;
}

function readSettingsFile(env: ToolEnv, file: string): Record<string, string> {
  let text: string;
  if (file === '-') {
    if (env.stdin === undefined) throw new ToolNeedsStdin();
    text = env.stdin;
  } else {
    try {
      text = env.readFile(isAbsolute(file) ? file : join(env.cwd, file));
    } catch (error) {
      throw new ToolRuntimeError(`cannot read settings file ${file}: ${(error as Error).message}`);
    }
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    throw new ToolUsageError(`cannot parse settings file ${file}: ${(error as Error).message}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc))
    throw new ToolUsageError(`settings file ${file} must hold a mapping of keys to strings`);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (value === null) out[key] = '';
    else if (typeof value === 'object')
      throw new ToolUsageError(`settings file ${file}: value of ${JSON.stringify(key)} is not a string`);
    else out[key] = String(value);
  }
  return out;
}

/** `relation-set [-r ID] [--app] [--file F|-] key=value ...` — buffered until the hook succeeds. */
export const relationSet = defineTool(
  'relation-set',
  {
    usage: 'relation-set [options] key=value [key=value ...]',
    summary: 'set relation settings',
    flags: [
      RELATION_FLAG,
      { names: ['app'], kind: 'bool' },
      { names: ['file'], kind: 'string' },
      { names: ['format'], kind: 'string' },
    ],
  },
  (env, parsed) => {
    const relation = requireRelation(env, parsed.flags.r);
    const pairs = parseKeyValues(parsed.positional);
    const file = parsed.flags.file;
    const settings = typeof file === 'string' ? { ...readSettingsFile(env, file), ...pairs } : pairs;
    const pending = env.exec.pending(relation.id);
    if (parsed.flags.app === true) {
      if (env.model.app(env.exec.app).leader !== env.exec.unit)
        throw new ToolRuntimeError('cannot write relation settings');
      pending.app = { ...(pending.app ?? {}), ...settings };
    } else Object.assign(pending.unit, settings);
    return {};
  },
);
