/**
 * Compose variable interpolation (`$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?e}`, `${VAR?e}`,
 * `${VAR:+r}`, `${VAR+r}`, `$$`), applied to string values only. Defaults may nest.
 */

/** Thrown (and wrapped with a location by the parser) when interpolation cannot complete. */
export class InterpolationFailure {
  constructor(readonly message: string) {}
}

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

/** Finds the index of the `}` closing a `${` whose content starts at `start`, counting nested `${`. */
function closingBrace(text: string, start: number): number {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '$') {
      i++;
    } else if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Where interpolation reads variables: a record, or a lookup function (`undefined` = unset). */
export type InterpolationEnv = Readonly<Record<string, string | undefined>> | ((name: string) => string | undefined);

function read(env: InterpolationEnv, name: string): string | undefined {
  return typeof env === 'function' ? env(name) : env[name];
}

function resolveBraced(body: string, env: InterpolationEnv, warn: (name: string) => void): string {
  const name = NAME.exec(body)?.[0];
  if (name === undefined) throw new InterpolationFailure(`invalid interpolation format: "\${${body}}"`);
  const rest = body.slice(name.length);
  const value = read(env, name);
  if (rest === '') {
    if (value === undefined) warn(name);
    return value ?? '';
  }
  const op = /^(:?[-?+])/.exec(rest)?.[1];
  if (op === undefined) throw new InterpolationFailure(`invalid interpolation format: "\${${body}}"`);
  const arg = rest.slice(op.length);
  const unsetOrEmpty = value === undefined || value === '';
  switch (op) {
    case ':-':
      return unsetOrEmpty ? interpolate(arg, env, warn) : value;
    case '-':
      return value === undefined ? interpolate(arg, env, warn) : value;
    case ':?':
      if (unsetOrEmpty)
        throw new InterpolationFailure(`required variable ${name} is missing a value: ${interpolate(arg, env, warn)}`);
      return value;
    case '?':
      if (value === undefined)
        throw new InterpolationFailure(`required variable ${name} is missing a value: ${interpolate(arg, env, warn)}`);
      return value;
    case ':+':
      return unsetOrEmpty ? '' : interpolate(arg, env, warn);
    default: // '+'
      return value === undefined ? '' : interpolate(arg, env, warn);
  }
}

/**
 * Interpolates one string.
 *
 * @param warn - called with the name of each unset variable used without a default (compose warns and uses "").
 * @throws InterpolationFailure on a malformed `${...}` or a missing required variable.
 */
export function interpolate(text: string, env: InterpolationEnv, warn: (name: string) => void = () => {}): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '{') {
      const end = closingBrace(text, i + 2);
      if (end < 0) throw new InterpolationFailure(`invalid interpolation format: unclosed "\${" in "${text}"`);
      out += resolveBraced(text.slice(i + 2, end), env, warn);
      i = end + 1;
    } else {
      const name = NAME.exec(text.slice(i + 1))?.[0];
      if (name === undefined) {
        out += '$';
        i++;
      } else {
        const value = read(env, name);
        if (value === undefined) warn(name);
        out += value ?? '';
        i += 1 + name.length;
      }
    }
  }
  return out;
}
