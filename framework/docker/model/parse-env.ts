import { interpolate, InterpolationFailure } from './interpolate';
import { ValueError } from './value-error';

/** Options of {@link parseEnvFile}. */
export interface EnvFileOptions {
  /**
   * `env` (default): the compose specification's env file syntax — quotes, escapes, comments and
   * interpolation. `raw`: `docker run --env-file`'s syntax — every value taken literally.
   */
  readonly format?: 'env' | 'raw';
  /**
   * Variables consulted before the file's own earlier lines, by interpolation and by a line that
   * names a variable without `=` (the OS environment for `.env`; the project's interpolation
   * environment for a service's `env_file`). `undefined` means unset.
   */
  readonly lookup?: (name: string) => string | undefined;
  /** Called with the name of each unset variable interpolated without a default (the value is `""`). */
  readonly onUnset?: (name: string) => void;
}

const KEY_CHAR = /[A-Za-z0-9_.\-[\]]/;
const INLINE_SPACE = /[ \t\v\f\r\u0085\u00a0]/;
const ESCAPE = /\\(?:[abfnrtv$"\\]|0[0-7]{0,3})/g;
const ESCAPED: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function unescapeDouble(value: string): string {
  return value.replace(ESCAPE, (m) => {
    const c = m.slice(1);
    if (c === '$') return '$$'; // stays a literal `$` through interpolation
    if (c.startsWith('0')) return String.fromCharCode(parseInt(c.slice(1) || '0', 8));
    return ESCAPED[c] ?? c;
  });
}

/** `docker run --env-file`: `KEY=VALUE` lines, values literal, `KEY` alone inherits, `#` lines skipped. */
function parseRaw(text: string, options: EnvFileOptions): Record<string, string> {
  const out: Record<string, string> = {};
  text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((rawLine, index) => {
      const line = rawLine.replace(/\r$/, '').trimStart();
      if (line === '' || line.startsWith('#')) return;
      const eq = line.indexOf('=');
      const key = eq < 0 ? line : line.slice(0, eq);
      if (key === '') throw new ValueError(`line ${index + 1}: no variable name before "="`);
      if (/\s/.test(key)) throw new ValueError(`line ${index + 1}: variable name "${key}" contains whitespace`);
      if (eq >= 0) out[key] = line.slice(eq + 1);
      else {
        const inherited = options.lookup?.(key);
        if (inherited !== undefined) out[key] = inherited;
      }
    });
  return out;
}

/**
 * Parses an env file (`.env`, or a service's `env_file`) as the compose specification reads it:
 * `#` comment lines, an optional `export ` prefix, `KEY=VALUE` (or `KEY: VALUE`); unquoted values
 * end at the line's end or at ` #`; single-quoted values are literal (`\'` for a quote);
 * double-quoted values may span lines and take the escapes `\n \r \t \\ \" \$`…. Unquoted and
 * double-quoted values are interpolated (`${VAR:-default}`, …) from `lookup`, then from the
 * file's earlier lines, in order. A line with a name alone takes the value from `lookup` (left
 * out when unset). With `format: 'raw'`, values are taken literally.
 *
 * @throws ValueError naming the line of a malformed entry or a failed `${VAR:?error}`.
 */
export function parseEnvFile(text: string, options: EnvFileOptions = {}): Record<string, string> {
  if (options.format === 'raw') return parseRaw(text, options);
  const out: Record<string, string> = {};
  const src = text.replace(/^\uFEFF/, '');
  const scope = (name: string): string | undefined => options.lookup?.(name) ?? out[name];
  let line = 1;
  const expand = (value: string, at: number): string => {
    try {
      return interpolate(value, scope, options.onUnset);
    } catch (error) {
      if (error instanceof InterpolationFailure) throw new ValueError(`line ${at}: ${error.message}`);
      throw error;
    }
  };
  let i = 0;
  const skipLine = (): void => {
    while (i < src.length && src[i] !== '\n') i++;
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '\n') {
      line++;
      i++;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '#') {
      skipLine();
      continue;
    }
    const at = line;
    const exported = /^export[ \t]+/.exec(src.slice(i, i + 16));
    if (exported) i += exported[0].length;
    let key = '';
    while (i < src.length && src[i] !== '=' && src[i] !== ':' && src[i] !== '\n') {
      if (!KEY_CHAR.test(src[i]) && !INLINE_SPACE.test(src[i]))
        throw new ValueError(`line ${at}: unexpected character "${src[i]}" in variable name`);
      key += src[i++];
    }
    key = key.trim();
    if (key === '') throw new ValueError(`line ${at}: no variable name`);
    if (/\s/.test(key)) throw new ValueError(`line ${at}: variable name "${key}" contains a space`);
    if (i >= src.length || src[i] === '\n') {
      const inherited = options.lookup?.(key);
      if (inherited !== undefined) out[key] = inherited;
      continue;
    }
    i++; // past '=' or ':'
    while (i < src.length && INLINE_SPACE.test(src[i])) i++;
    const quote = src[i];
    if (quote === '"' || quote === "'") {
      let value = '';
      let closed = false;
      for (i++; i < src.length; i++) {
        const c = src[i];
        if (c === '\n') line++;
        if (c === '\\' && i + 1 < src.length) {
          const next = src[++i];
          if (next === '\n') line++;
          value += next === quote ? next : `\\${next}`;
        } else if (c === quote) {
          closed = true;
          i++;
          break;
        } else value += c;
      }
      if (!closed) throw new ValueError(`line ${at}: unterminated ${quote === '"' ? 'double' : 'single'}-quoted value`);
      while (i < src.length && INLINE_SPACE.test(src[i])) i++;
      if (i < src.length && src[i] !== '\n' && src[i] !== '#')
        throw new ValueError(`line ${line}: unexpected text after the closing quote of ${key}`);
      skipLine();
      out[key] = quote === '"' ? expand(unescapeDouble(value), at) : value;
    } else {
      const end = src.indexOf('\n', i);
      let value = src.slice(i, end < 0 ? src.length : end);
      i = end < 0 ? src.length : end;
      const comment = value.indexOf(' #');
      if (comment >= 0) value = value.slice(0, comment);
      out[key] = expand(value.trimEnd(), at);
    }
  }
  return out;
}
