/** debug-log levels a hook's stderr line can be filed under. */
export type StderrLogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

const NAMED: Readonly<Record<string, StderrLogLevel>> = {
  trace: 'DEBUG',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  warning: 'WARNING',
  error: 'ERROR',
  fatal: 'ERROR',
};

/** pino's numeric levels: trace 10, debug 20, info 30, warn 40, error 50, fatal 60. */
function numericLevel(level: number): StderrLogLevel {
  if (level < 30) return 'DEBUG';
  if (level < 40) return 'INFO';
  if (level < 50) return 'WARNING';
  return 'ERROR';
}

/**
 * The debug-log level of one line a hook wrote to stderr. Charms log through pino (see
 * `framework/hookenv/logging`), which writes one JSON object per line to stderr with a `level`
 * (a number, or a label when a formatter renames it); those keep their level. Anything else on
 * stderr (a stack trace, a tool's complaint) is filed as WARNING, as Juju does for hook stderr.
 */
export function stderrLogLevel(line: string): StderrLogLevel {
  const text = line.trim();
  if (!text.startsWith('{') || !text.endsWith('}')) return 'WARNING';
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return 'WARNING';
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'WARNING';
  const level = (record as { level?: unknown }).level;
  if (typeof level === 'number' && Number.isFinite(level)) return numericLevel(level);
  if (typeof level === 'string') return NAMED[level.toLowerCase()] ?? 'WARNING';
  return 'WARNING';
}
