import type { ComposeLocation } from '../errors';
import { ComposeFileError, UnsupportedComposeKeyError } from '../errors';
import { ValueError } from './value-error';

export type Path = readonly (string | number)[];

/** Location lookup and error helpers shared by the parser's pieces (internal). */
export class ParseContext {
  /**
   * @param lineOf - the line of `path` in `file`, or (for merged files) the file that wrote `path`
   *   and the line there.
   */
  constructor(
    readonly file: string,
    private readonly lineOf: (path: Path) => number | { readonly file: string; readonly line?: number } | undefined,
  ) {}

  location(path: Path): ComposeLocation {
    const at = this.lineOf(path);
    if (typeof at === 'object') return { file: at.file, path: path.join('.'), line: at.line };
    return { file: this.file, path: path.join('.'), line: at };
  }

  fail(path: Path, message: string): never {
    throw new ComposeFileError(message, this.location(path));
  }

  /** An unsupported key; the service defaults to the one `path` is inside (`services.<name>...`). */
  unsupported(service: string | undefined, key: string, path: Path): never {
    const owner = service ?? (path[0] === 'services' && path.length > 2 ? String(path[1]) : undefined);
    throw new UnsupportedComposeKeyError(owner, key, this.location(path));
  }

  /** Runs a field parser, turning its `ValueError` into a located `ComposeFileError`. */
  field<T>(path: Path, parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      if (error instanceof ValueError) this.fail([...path, ...error.subpath], error.message);
      throw error;
    }
  }
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Stringifies a YAML scalar where the spec says "string" (numbers and booleans allowed). */
export function scalarString(ctx: ParseContext, path: Path, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return ctx.fail(
    path,
    `expected a string, got ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`,
  );
}
