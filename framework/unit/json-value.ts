/** A value that survives a JSON round trip unchanged: what the unit store can persist. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Why `value` is not a {@link JsonValue}, as a dotted path and reason, or `undefined` if it is one.
 * Checked eagerly so a bad value fails at the `kv.set` call, not later at commit time.
 */
export function jsonProblem(value: unknown, path = '$', seen: Set<unknown> = new Set()): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} is ${String(value)}`;
  if (typeof value !== 'object') return `${path} is a ${typeof value}`;
  if (seen.has(value)) return `${path} is a circular reference`;
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const p = jsonProblem(value[i], `${path}[${i}]`, seen);
        if (p !== undefined) return p;
      }
      return undefined;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return `${path} is not a plain object`;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const p = jsonProblem(v, `${path}.${k}`, seen);
      if (p !== undefined) return p;
    }
    return undefined;
  } finally {
    seen.delete(value);
  }
}
