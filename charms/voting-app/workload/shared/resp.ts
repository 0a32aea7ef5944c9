/**
 * The subset of RESP2 (the Redis wire protocol) the workload needs: encoding commands as arrays
 * of bulk strings and incrementally decoding replies from a byte stream.
 *
 * Hand-written rather than pulling a Redis client into every bundle: vote and worker issue four
 * commands (AUTH, PING, RPUSH, and the reliable queue's BLMOVE/LMOVE/LREM/SET/SCAN) and the protocol for those is small and stable.
 */

/** A decoded reply. Errors are values here; the client turns them into rejections. */
export type RespValue =
  | { kind: 'simple'; value: string }
  | { kind: 'error'; message: string }
  | { kind: 'integer'; value: number }
  | { kind: 'bulk'; value: string | null }
  | { kind: 'array'; value: RespValue[] | null };

/** Thrown on bytes that are not RESP; the connection cannot be trusted afterwards. */
export class RespProtocolError extends Error {
  override readonly name = 'RespProtocolError';
}

/** Encodes one command (`['RPUSH', 'votes', '{...}']`) as a RESP array of bulk strings. */
export function encodeCommand(args: readonly string[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const bytes = Buffer.from(arg, 'utf8');
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

interface Parsed {
  value: RespValue;
  next: number;
}

/** Reads a CRLF-terminated line starting at `start`; undefined when it is not complete yet. */
function readLine(buf: Buffer, start: number): { line: string; next: number } | undefined {
  const end = buf.indexOf('\r\n', start, 'latin1');
  if (end < 0) return undefined;
  return { line: buf.toString('utf8', start, end), next: end + 2 };
}

function parseInteger(text: string): number {
  if (!/^-?\d+$/.test(text)) throw new RespProtocolError(`invalid RESP integer '${text}'`);
  return Number(text);
}

/** Parses one value at `start`; undefined when more bytes are needed. */
function parseAt(buf: Buffer, start: number): Parsed | undefined {
  if (start >= buf.length) return undefined;
  const type = String.fromCharCode(buf[start]);
  const header = readLine(buf, start + 1);
  if (!header) return undefined;
  const { line, next } = header;
  switch (type) {
    case '+':
      return { value: { kind: 'simple', value: line }, next };
    case '-':
      return { value: { kind: 'error', message: line }, next };
    case ':':
      return { value: { kind: 'integer', value: parseInteger(line) }, next };
    case '$': {
      const length = parseInteger(line);
      if (length < 0) return { value: { kind: 'bulk', value: null }, next };
      if (buf.length < next + length + 2) return undefined;
      const value = buf.toString('utf8', next, next + length);
      return { value: { kind: 'bulk', value }, next: next + length + 2 };
    }
    case '*': {
      const count = parseInteger(line);
      if (count < 0) return { value: { kind: 'array', value: null }, next };
      const items: RespValue[] = [];
      let cursor = next;
      for (let i = 0; i < count; i += 1) {
        const item = parseAt(buf, cursor);
        if (!item) return undefined;
        items.push(item.value);
        cursor = item.next;
      }
      return { value: { kind: 'array', value: items }, next: cursor };
    }
    default:
      throw new RespProtocolError(`unexpected RESP type byte '${type}'`);
  }
}

/**
 * Incremental decoder: feed it chunks as they arrive, get every complete reply back in order.
 * Partial replies stay buffered until the rest arrives.
 */
export class RespDecoder {
  private buffer: Buffer = Buffer.alloc(0);

  /** Appends `chunk` and returns the replies it completed. */
  push(chunk: Buffer): RespValue[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const values: RespValue[] = [];
    let cursor = 0;
    for (;;) {
      const parsed = parseAt(this.buffer, cursor);
      if (!parsed) break;
      values.push(parsed.value);
      cursor = parsed.next;
    }
    this.buffer = this.buffer.subarray(cursor);
    return values;
  }
}
