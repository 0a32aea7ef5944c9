import { isMapping } from './parse-context';

type Tree = Record<string, unknown>;

/** Keys whose sequences replace the earlier file's (shell commands), as the specification says. */
const REPLACED = new Set(['command', 'entrypoint', 'test']);
/** `K=V` lists or mappings, merged by key. */
const KEY_VALUE = new Set(['environment', 'labels', 'sysctls', 'annotations']);

function keyValues(value: unknown): Tree {
  if (isMapping(value)) return value;
  const out: Tree = {};
  if (Array.isArray(value))
    for (const entry of value) {
      const text = String(entry);
      const eq = text.indexOf('=');
      out[eq < 0 ? text : text.slice(0, eq)] = eq < 0 ? null : text.slice(eq + 1);
    }
  return out;
}

/** `[a, b]` → `{a: null, b: null}`; a mapping is kept (service-level `networks`, `depends_on`). */
function named(value: unknown, empty: unknown): Tree {
  if (isMapping(value)) return value;
  return Object.fromEntries((Array.isArray(value) ? value : []).map((n) => [String(n), empty]));
}

/** Where a `volumes` entry mounts: entries with the same target replace each other. */
function volumeTarget(entry: unknown): string {
  if (isMapping(entry)) return String(entry.target);
  const parts = String(entry).split(':');
  return parts.length === 1 ? parts[0] : parts[1];
}

function unique(items: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function mergeValue(key: string, base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (base === undefined || base === null || over === null) return over;
  if (REPLACED.has(key)) return over;
  if (KEY_VALUE.has(key)) return { ...keyValues(base), ...keyValues(over) };
  if (isMapping(base) && isMapping(over)) return mergeTree(base, over);
  if (Array.isArray(base) && Array.isArray(over)) return unique([...base, ...over]);
  return over;
}

function mergeTree(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = mergeValue(key, base[key], value);
  return out;
}

function mergeService(base: unknown, over: unknown): unknown {
  if (!isMapping(base) || !isMapping(over)) return over ?? base;
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const was = base[key];
    if (was === undefined || was === null || value === null) out[key] = value;
    else if (key === 'volumes' && Array.isArray(was) && Array.isArray(value)) {
      const replaced = new Set(value.map(volumeTarget));
      out[key] = [...was.filter((v) => !replaced.has(volumeTarget(v))), ...value];
    } else if (key === 'networks') out[key] = mergeTree(named(was, null), named(value, null));
    else if (key === 'depends_on')
      out[key] = mergeTree(
        named(was, { condition: 'service_started' }),
        named(value, { condition: 'service_started' }),
      );
    else if (key === 'env_file') out[key] = unique([was, value].flat());
    else out[key] = mergeValue(key, was, value);
  }
  return out;
}

/**
 * Merges a later compose file over an earlier one, by the compose specification's rules: mappings
 * merge key by key and a later scalar wins; sequences are appended (duplicates dropped), except
 * `command`, `entrypoint` and `healthcheck.test`, which are replaced; `environment`, `labels` and
 * `sysctls` merge by variable whether written as lists or mappings; `volumes` entries replace the
 * earlier entry with the same target; service `networks` and `depends_on` merge by name;
 * `env_file` lists are appended. Both trees must already be interpolated. Pure.
 */
export function mergeCompose(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (key === 'services' && isMapping(base.services) && isMapping(value)) {
      const services: Tree = { ...base.services };
      for (const [name, svc] of Object.entries(value)) services[name] = mergeService(services[name], svc);
      out.services = services;
    } else out[key] = mergeValue(key, base[key], value);
  }
  return out;
}
