/**
 * The helpers every template gets. They return plain values; in `yaml` format the result of a
 * helper used as a value (`{{join hosts ","}}`) is quoted like any other value.
 */
import type { HelperDelegate } from 'handlebars';
import { UnsupportedValue } from './yaml-scalar';

/** Handlebars passes an options object as the last argument; helpers only want the others. */
function args(all: unknown[]): unknown[] {
  return all.slice(0, -1);
}

function text(value: unknown, helper: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  throw new UnsupportedValue(
    `helper ${helper}: expected a string or number, got ${Array.isArray(value) ? 'an array' : typeof value}`,
  );
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** `{{join list ","}}`: the items of `list` joined by the separator (default `,`); empty items are kept. */
const join: HelperDelegate = (...all: unknown[]) => {
  const [list, separator] = args(all);
  if (list === null || list === undefined) return '';
  if (!Array.isArray(list)) throw new UnsupportedValue(`helper join: expected an array, got ${typeof list}`);
  const sep = separator === undefined ? ',' : text(separator, 'join');
  return list.map((item) => text(item, 'join')).join(sep);
};

/** `{{default value "fallback"}}`: `value` unless it is null, undefined, `""` or `[]`. */
const defaultHelper: HelperDelegate = (...all: unknown[]) => {
  const [value, fallback] = args(all);
  return isEmpty(value) ? fallback : value;
};

/** `{{#if (eq a b)}}`: strict equality. */
const eq: HelperDelegate = (...all: unknown[]) => {
  const [a, b] = args(all);
  return a === b;
};

/** `{{#if (ne a b)}}`: strict inequality. */
const ne: HelperDelegate = (...all: unknown[]) => {
  const [a, b] = args(all);
  return a !== b;
};

/** `{{#if (and a b ...)}}`: every argument is non-empty. */
const and: HelperDelegate = (...all: unknown[]) => args(all).every((v) => !isEmpty(v) && v !== false);

/** `{{#if (or a b ...)}}`: some argument is non-empty. */
const or: HelperDelegate = (...all: unknown[]) => args(all).some((v) => !isEmpty(v) && v !== false);

/** `{{#if (not a)}}`: `a` is empty or false. */
const not: HelperDelegate = (...all: unknown[]) => {
  const [value] = args(all);
  return isEmpty(value) || value === false;
};

/** `{{concat vote_port ":80"}}`: the arguments as text, concatenated (builds one scalar from parts). */
const concat: HelperDelegate = (...all: unknown[]) =>
  args(all)
    .map((v) => text(v, 'concat'))
    .join('');

/** Helper name → implementation, registered on every template environment. */
export const templateHelpers: Readonly<Record<string, HelperDelegate>> = {
  join,
  default: defaultHelper,
  eq,
  ne,
  and,
  or,
  not,
  concat,
};
