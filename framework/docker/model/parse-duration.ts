import { ValueError } from './value-error';

const UNIT_NS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
  d: 86400e9,
  w: 604800e9,
};

/**
 * Parses a compose duration (`1m30s`, `10s`, `500ms`, `1h`, `2d`; a bare number means seconds) into nanoseconds.
 *
 * @throws ValueError on anything else.
 */
export function parseDurationNs(raw: string | number): number {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 0) throw new ValueError(`invalid duration ${raw}`);
    return Math.round(raw * 1e9);
  }
  const text = raw.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1e9);
  // \u00b5 (µ) spelled as an escape keeps built bundles ASCII, which their loader reads fastest.
  const re = /(\d+(?:\.\d+)?)(ns|us|\u00b5s|ms|s|m|h|d|w)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * UNIT_NS[m[2]];
    consumed = re.lastIndex;
  }
  if (text === '' || consumed !== text.length)
    throw new ValueError(`invalid duration "${raw}" (use e.g. 1m30s, 10s, 500ms)`);
  return Math.round(total);
}
