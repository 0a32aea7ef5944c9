import { DurationSyntaxError } from './daemon-errors';

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Parses a duration as Juju's model config does (Go's `time.ParseDuration`): one or more
 * decimal numbers each with a unit (`ns`, `us`, `ms`, `s`, `m`, `h`), such as `5m`, `30s`,
 * `1h30m` or `1.5h`; `0` alone is zero. Negative durations are refused (no setting takes one).
 *
 * @returns milliseconds (fractions below a millisecond are kept).
 * @throws DurationSyntaxError naming what is wrong.
 */
export function parseJujuDuration(text: string): number {
  if (text === '0') return 0;
  if (text === '') throw new DurationSyntaxError(text, 'empty');
  if (text.startsWith('-')) throw new DurationSyntaxError(text, 'negative');
  const body = text.startsWith('+') ? text.slice(1) : text;
  const part = /(\d*\.?\d*)([a-zµμ]*)/y;
  let total = 0;
  let at = 0;
  while (at < body.length) {
    part.lastIndex = at;
    const match = part.exec(body);
    const [whole = '', number = '', unit = ''] = match ?? [];
    if (whole === '' || number === '' || number === '.') throw new DurationSyntaxError(text, 'expected a number');
    if (unit === '') throw new DurationSyntaxError(text, `missing unit after ${number}`);
    const scale = UNIT_MS[unit];
    if (scale === undefined) throw new DurationSyntaxError(text, `unknown unit "${unit}"`);
    total += Number.parseFloat(number) * scale;
    at += whole.length;
  }
  return total;
}
