/**
 * libpq connection strings (`host=10.0.0.1 port=5432 dbname=app user=u password='a b'`), the
 * format the postgresql charm publishes in `master`, as a small value object.
 */

/** Thrown by {@link parseConnectionString} for text that is not a libpq key=value string. */
export class ConnectionStringSyntax extends Error {}

/** The fields a client needs; all present, port numeric. */
export interface ConnectionFields {
  readonly host: string;
  readonly port: number;
  readonly dbname: string;
  readonly user: string;
  readonly password: string;
}

function quote(value: string): string {
  if (value !== '' && !/[\s'\\]/.test(value)) return value;
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Parse `key=value ...` with libpq quoting (single quotes, backslash escapes). */
export function parseConnectionString(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  skipSpace();
  while (i < text.length) {
    const keyStart = i;
    while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
    const key = text.slice(keyStart, i);
    skipSpace();
    if (key === '' || text[i] !== '=') throw new ConnectionStringSyntax(`expected key=value at offset ${keyStart}`);
    i++;
    skipSpace();
    let value = '';
    if (text[i] === "'") {
      i++;
      for (;;) {
        if (i >= text.length) throw new ConnectionStringSyntax('unterminated quoted value');
        const c = text[i++];
        if (c === "'") break;
        if (c === '\\') {
          if (i >= text.length) throw new ConnectionStringSyntax('dangling backslash');
          value += text[i++];
        } else value += c;
      }
    } else {
      while (i < text.length && !/\s/.test(text[i])) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i++];
      }
    }
    out[key] = value;
    skipSpace();
  }
  return out;
}

/** A PostgreSQL connection: libpq string via `toString()`, plus `uri` and the fields. */
export class ConnectionString implements ConnectionFields {
  readonly host: string;
  readonly port: number;
  readonly dbname: string;
  readonly user: string;
  readonly password: string;

  constructor(fields: ConnectionFields) {
    this.host = fields.host;
    this.port = fields.port;
    this.dbname = fields.dbname;
    this.user = fields.user;
    this.password = fields.password;
  }

  /** `postgresql://user:password@host:port/dbname` (IPv6 hosts bracketed, parts percent-encoded). */
  get uri(): string {
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    const auth = `${encodeURIComponent(this.user)}:${encodeURIComponent(this.password)}`;
    return `postgresql://${auth}@${host}:${this.port}/${encodeURIComponent(this.dbname)}`;
  }

  /** The libpq `key=value` form. */
  toString(): string {
    return [
      `dbname=${quote(this.dbname)}`,
      `host=${quote(this.host)}`,
      `password=${quote(this.password)}`,
      `port=${this.port}`,
      `user=${quote(this.user)}`,
    ].join(' ');
  }

  /** The libpq string (so JSON logs show it; note: it holds the password, log with care). */
  toJSON(): string {
    return this.toString();
  }
}
