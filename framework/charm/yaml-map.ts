import { CharmFileError } from './charm-file-error';
import { loadYaml } from './lazy-packages';

/** A YAML mapping as plain data. */
export type YamlMap = Record<string, unknown>;

/** True for a plain mapping (not a list, not null). */
export function isYamlMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses a charm file's text into its top-level mapping; an empty document is an empty map.
 *
 * @throws CharmFileError naming `file` for invalid YAML or a top level that is not a map.
 */
export function parseYamlMapText(text: string, file: string): YamlMap {
  const doc = loadYaml().parseDocument(text);
  const first = doc.errors[0];
  if (first !== undefined) throw new CharmFileError(file, undefined, `not valid YAML: ${first.message}`, first);
  const root: unknown = doc.toJS();
  if (root === null || root === undefined) return {};
  if (!isYamlMap(root)) throw new CharmFileError(file, undefined, 'top level must be a map');
  return root;
}
