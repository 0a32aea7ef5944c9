import { ValueError } from './value-error';

const BYTE_UNITS: Readonly<Record<string, number>> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/**
 * Parses a compose byte size (`512m`, `1g`, `64kb`, `1024`; units are powers of 1024, any case,
 * as Docker's `RAMInBytes`) into bytes.
 *
 * @throws ValueError on anything else.
 */
export function parseBytes(raw: unknown): number {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return raw;
  const m = typeof raw === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*([bkmgt])?b?\s*$/i.exec(raw) : null;
  if (!m) throw new ValueError(`invalid size ${JSON.stringify(raw)} (use e.g. 512m, 1g, 1024)`);
  return Math.round(Number(m[1]) * BYTE_UNITS[(m[2] ?? 'b').toLowerCase()]);
}

/** Parses a CPU count (`0.5`, `"2"`) into the Engine's `NanoCpus`. @throws ValueError when not a positive number. */
export function parseNanoCpus(raw: unknown): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(n) || n < 0) throw new ValueError(`invalid cpus ${JSON.stringify(raw)} (use e.g. 0.5 or "2")`);
  return Math.round(n * 1e9);
}

/** Parses a non-negative integer (a YAML number or a string of digits). @throws ValueError otherwise. */
export function parseCount(raw: unknown): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(n)) throw new ValueError(`expected an integer, got ${JSON.stringify(raw)}`);
  return n;
}
