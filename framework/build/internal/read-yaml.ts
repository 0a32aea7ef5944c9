import { existsSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { LayerFileError } from '../errors';

/** A YAML mapping as plain data. */
export type YamlMap = Record<string, unknown>;

/** True for a plain object (not an array, not null). */
export function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a YAML file that must hold a mapping (or be empty). Returns `undefined` when the file
 * does not exist.
 *
 * @throws LayerFileError naming `file:line` for a syntax error or a non-mapping document.
 */
export function readYamlMap(file: string): YamlMap | undefined {
  if (!existsSync(file)) return undefined;
  return parseYamlMap(readFileSync(file, 'utf8'), file);
}

/** Parses YAML text that must hold a mapping; `file` only names the source in errors. */
export function parseYamlMap(text: string, file: string): YamlMap {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first !== undefined) {
    const line = first.linePos?.[0]?.line;
    throw new LayerFileError(file, first.message.split('\n')[0] ?? first.message, line, first);
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return {};
  if (!isMap(value))
    throw new LayerFileError(
      file,
      `expected a mapping at the top level, found ${Array.isArray(value) ? 'a list' : typeof value}`,
      1,
    );
  return value;
}
