/**
 * Values → YAML scalars that can never change the shape of the surrounding document.
 *
 * Every string becomes a double-quoted scalar with every character that could end the scalar,
 * start a new line, or be read differently by another parser written as an escape. Only the
 * portable escapes (`\\`, `\"`, `\t`, `\n`, `\r`, `\xHH`, `\uXXXX`) are used, so Go's yaml
 * (docker compose) and JavaScript's `yaml` read the same value back.
 */
import type { TemplateValue } from './types';

/** Thrown by {@link toYamlScalar} for values that have no faithful YAML form. */
export class UnsupportedValue extends Error {}

const NAMED: Readonly<Record<number, string>> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r', 0x22: '\\"', 0x5c: '\\\\' };

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}

/** True for code points YAML does not allow raw in a double-quoted scalar, or reads as a line break. */
function needsEscape(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) || // DEL and C1 controls, including NEL (a YAML 1.1 line break)
    code === 0x2028 || // line separator
    code === 0x2029 || // paragraph separator
    (code >= 0xd800 && code <= 0xdfff) || // only lone surrogates reach here (pairs are one code point)
    code === 0xfeff || // byte order mark
    code === 0xfffe ||
    code === 0xffff
  );
}

/** `"..."`: a double-quoted YAML scalar holding exactly `text`. */
export function quoteYamlString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const named = NAMED[code];
    if (named !== undefined) out += named;
    else if (!needsEscape(code)) out += char;
    else if (code <= 0xff) out += `\\x${hex(code, 2)}`;
    else out += `\\u${hex(code, 4)}`;
  }
  return `${out}"`;
}

/**
 * The YAML text of one template value: strings double-quoted, finite numbers and booleans plain,
 * null/undefined as `null`, arrays and plain objects as flow collections of the same.
 */
export function toYamlScalar(value: TemplateValue, seen: Set<object> = new Set()): string {
  if (typeof value === 'string') return quoteYamlString(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new UnsupportedValue(`the number ${String(value)} has no YAML form here`);
    return String(value);
  }
  if (typeof value === 'object') {
    if (seen.has(value)) throw new UnsupportedValue('a cyclic object cannot be written');
    seen.add(value);
    try {
      if (Array.isArray(value)) return `[${value.map((item) => toYamlScalar(item, seen)).join(', ')}]`;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new UnsupportedValue(`an instance of ${describe(value)} cannot be written; pass a string`);
      }
      const pairs = Object.entries(value).map(([k, v]) => `${quoteYamlString(k)}: ${toYamlScalar(v, seen)}`);
      return `{${pairs.join(', ')}}`;
    } finally {
      seen.delete(value);
    }
  }
  throw new UnsupportedValue(`a ${typeof value} cannot be written`);
}

function describe(value: object): string {
  const ctor = (value as { constructor?: { name?: string } }).constructor;
  return ctor?.name ?? 'an unknown class';
}
