import { isMap, type YamlMap } from './internal/read-yaml';

/**
 * Merges a higher layer's YAML data over a lower layer's, with charm-tools' rules: maps merge
 * recursively, lists are unioned (lower items first, then the higher items not already present),
 * and anything else from the higher layer wins. Neither input is modified.
 *
 * @example
 * ```ts
 * deepMerge({ a: { x: 1 }, tags: ['a'] }, { a: { y: 2 }, tags: ['b', 'a'] });
 * // { a: { x: 1, y: 2 }, tags: ['a', 'b'] }
 * ```
 */
export function deepMerge(lower: YamlMap, higher: YamlMap): YamlMap {
  const out: YamlMap = clone(lower) as YamlMap;
  for (const [key, value] of Object.entries(higher)) {
    const below = out[key];
    if (isMap(below) && isMap(value)) out[key] = deepMerge(below, value);
    else if (Array.isArray(below) && Array.isArray(value)) {
      const merged = [...below];
      for (const item of value) if (!merged.some((existing) => sameValue(existing, item))) merged.push(clone(item));
      out[key] = merged;
    } else out[key] = clone(value);
  }
  return out;
}

/**
 * Removes dotted paths (`requires.db`, `options.vip`) from a merged document; paths that do not
 * exist are ignored. Returns a new object.
 */
export function deletePaths(data: YamlMap, paths: readonly string[]): YamlMap {
  const out = clone(data) as YamlMap;
  for (const path of paths) {
    const parts = path.split('.');
    let node: unknown = out;
    for (const part of parts.slice(0, -1)) node = isMap(node) ? node[part] : undefined;
    const last = parts[parts.length - 1];
    if (isMap(node) && last !== undefined) delete node[last];
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]));
  return value;
}
