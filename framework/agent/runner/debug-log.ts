import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One parsed debug-log line. */
export interface DebugLogRecord {
  readonly time: string;
  readonly unit: string;
  readonly level: string;
  readonly logger: string;
  readonly message: string;
}

/** Formats one record as a line: `<time> <unit> <LEVEL> <logger>: <message>`. */
export function formatLogLine(record: DebugLogRecord): string {
  return `${record.time} ${record.unit} ${record.level} ${record.logger}: ${record.message}`;
}

/** Parses a line written by {@link formatLogLine} (undefined for anything else). */
export function parseLogLine(line: string): DebugLogRecord | undefined {
  const match = /^(\S+) (\S+) (\S+) ([^:\s]+(?::\S+)?): ?(.*)$/.exec(line);
  if (match === null) return undefined;
  return { time: match[1]!, unit: match[2]!, level: match[3]!, logger: match[4]!, message: match[5]! };
}

/**
 * The model's debug log (`<model>/debug.log`): hook output (stdout at DEBUG; stderr at the
 * level of its pino JSON lines, else WARNING — see `stderrLogLevel`), `juju-log` records and the agent's own hook records, one line each, appended.
 */
export class DebugLog {
  constructor(
    /** Path of the log file. */
    readonly path: string,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** Appends one record per line of `message`. */
  write(unit: string, level: string, logger: string, message: string): void {
    const lines = message.replace(/\n+$/, '').split('\n');
    const time = this.now();
    const text = lines.map((m) => `${formatLogLine({ time, unit, level, logger, message: m })}\n`).join('');
    mkdirSync(dirname(this.path), { recursive: true });
    appendFileSync(this.path, text);
  }

  /** Reads the log, optionally for one unit (or application), keeping the last `lines` lines. */
  read(options: { unit?: string; lines?: number } = {}): string[] {
    if (!existsSync(this.path)) return [];
    const all = readFileSync(this.path, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    const filtered = options.unit === undefined ? all : all.filter((l) => matchesUnit(l, options.unit!));
    return options.lines === undefined ? filtered : filtered.slice(Math.max(0, filtered.length - options.lines));
  }
}

/** True when a log line belongs to `unit` (`app/0`) or to any unit of an application (`app`). */
export function matchesUnit(line: string, unit: string): boolean {
  const record = parseLogLine(line);
  if (record === undefined) return false;
  return unit.includes('/') ? record.unit === unit : record.unit.startsWith(`${unit}/`);
}
