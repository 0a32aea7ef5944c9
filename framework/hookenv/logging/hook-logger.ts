import pino, { type Logger } from 'pino';
import { loadPinoPretty } from '../../charm';
import type { Redactor } from '../redactor';
import { jujuLogLevel, type JujuLogForwarder } from './juju-log-forwarder';

/** The logger type handlers get as `this.log` (a pino logger). */
export type HookLogger = Logger;

/** Options of {@link createHookLogger}. */
export interface HookLoggerOptions {
  /** pino level name (`debug`, `info`...). */
  readonly level: string;
  /** Human-readable lines instead of JSON. */
  readonly pretty: boolean;
  /** Applied to every record (keys) and every line (marked values), errors included. */
  readonly redactor: Redactor;
  /** Where finished lines go: stderr in a hook (stdout is Juju's DEBUG channel), memory in tests. */
  readonly write: (line: string) => void;
  /** Under an agent: also send each record to `juju-log`. */
  readonly jujuLog?: JujuLogForwarder;
  /** Fields on every record (`unit`, `hook`). */
  readonly base?: Readonly<Record<string, unknown>>;
}

const META = new Set(['level', 'time', 'pid', 'hostname', 'msg']);
// Juju already files juju-log lines under the unit and hook; the module adds only noise there.
const ROUTING = new Set(['unit', 'hook', 'module']);

/** The juju-log text of a JSON record: the message, then the structured fields compactly. */
function jujuLogText(record: Record<string, unknown>): string {
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!META.has(k) && !ROUTING.has(k)) extra[k] = v;
  const msg = typeof record.msg === 'string' ? record.msg : '';
  return Object.keys(extra).length === 0 ? msg : `${msg} ${JSON.stringify(extra)}`;
}

/**
 * Creates the hook's root pino logger (STYLE §7: one root, a child per module).
 *
 * Redaction happens twice on purpose: key-based redaction on the record object (so a
 * `password` field never reaches any sink), then marked-secret replacement on the serialised
 * line (so a secret inside an error message or stack trace is caught as well).
 */
export function createHookLogger(options: HookLoggerOptions): HookLogger {
  const { redactor } = options;
  // Loaded only when asked for: pino-pretty and its dependencies cost every hook a few ms to
  // initialise, and hooks under an agent log JSON (docs/performance.md).
  const pretty = options.pretty
    ? loadPinoPretty().prettyFactory({
        colorize: false,
        ignore: 'pid,hostname',
      })
    : undefined;
  const destination = {
    write(line: string): void {
      const clean = redactor.redactString(line);
      options.write(pretty === undefined ? clean : pretty(clean));
      if (options.jujuLog !== undefined) {
        try {
          const record = JSON.parse(clean) as Record<string, unknown>;
          options.jujuLog.enqueue(jujuLogLevel(Number(record.level)), jujuLogText(record));
        } catch {
          options.jujuLog.enqueue('INFO', clean.trim());
        }
      }
    },
  };
  return pino(
    {
      level: options.level,
      base: { ...(options.base ?? {}) },
      formatters: { log: (record) => redactor.redactValue(record) as Record<string, unknown> },
      // The formatter above already turned errors into redacted plain objects (type, message,
      // stack, code, context, cause); pino's own serializer would re-label them `Object`.
      serializers: { err: (value: unknown) => value },
    },
    destination,
  );
}
