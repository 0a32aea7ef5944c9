/**
 * Keys whose values are never logged or shown in errors, wherever they appear (log fields,
 * relation data, hook-tool arguments). The single list of redaction rules (STYLE §7).
 */
export const SECRET_KEY_PATTERN = /password|passwd|secret|token|api[-_]?key|private[-_]?key/i;

/** What a redacted value is replaced with. */
export const REDACTED = '[REDACTED]';

/** Marked secrets shorter than this are not redacted inside longer text (too many false hits). */
const MIN_SECRET_LENGTH = 4;

/**
 * Removes secrets from values and text.
 *
 * Two rules: a value stored under a key matching {@link SECRET_KEY_PATTERN} is replaced, and any
 * occurrence of a value marked with {@link Redactor.markSecret} is replaced in every string
 * (including error messages and stack traces). One instance per hook, shared by the logger and
 * the hook-tool client.
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  /** Marks `value` as secret from now on; returns it unchanged so it can wrap an expression. */
  markSecret<T extends string | null | undefined>(value: T): T {
    if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) {
      this.#secrets.add(value);
      // The JSON-escaped form too: log lines are JSON text.
      const escaped = JSON.stringify(value).slice(1, -1);
      if (escaped !== value) this.#secrets.add(escaped);
    }
    return value;
  }

  /** True when `key` names a secret (`db_password`, `auth-token`...). */
  isSecretKey(key: string): boolean {
    return SECRET_KEY_PATTERN.test(key);
  }

  /** Replaces every marked secret inside `text`. */
  redactString(text: string): string {
    let out = text;
    // Longest first, so a secret containing another is replaced whole.
    const secrets = [...this.#secrets].sort((a, b) => b.length - a.length);
    for (const secret of secrets) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }

  /** Deep copy of `value` with secret keys and marked secret strings replaced. */
  redactValue(value: unknown): unknown {
    return this.#redact(value, new WeakSet());
  }

  /** Redacts `key=value` style arguments (hook-tool argv) and marked secrets in any argument. */
  redactArgs(args: readonly string[]): string[] {
    return args.map((arg) => {
      const eq = arg.indexOf('=');
      if (eq > 0 && !arg.startsWith('-') && this.isSecretKey(arg.slice(0, eq)))
        return `${arg.slice(0, eq)}=${REDACTED}`;
      return this.redactString(arg);
    });
  }

  #redact(value: unknown, seen: WeakSet<object>): unknown {
    if (typeof value === 'string') return this.redactString(value);
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value)) return '[Circular]';
    seen.add(value);
    if (Array.isArray(value)) return value.map((v) => this.#redact(v, seen));
    if (value instanceof Error) {
      const fields = value as Error & { code?: unknown; context?: unknown };
      return {
        type: value.name,
        message: this.redactString(value.message),
        stack: this.redactString(value.stack ?? ''),
        ...(fields.code !== undefined ? { code: fields.code } : {}),
        ...(fields.context !== undefined ? { context: this.#redact(fields.context, seen) } : {}),
        ...(value.cause !== undefined ? { cause: this.#redact(value.cause, seen) } : {}),
      };
    }
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = this.isSecretKey(key) && v !== null && v !== undefined && v !== '' ? REDACTED : this.#redact(v, seen);
    }
    return out;
  }
}
