import { Scalar, stringify } from 'yaml';
import { ToolUsageError } from './tool-errors';

/** Output formats of Juju's hook tools. */
export type OutputFormat = 'smart' | 'json' | 'yaml';

/** Validates a `--format` value (default `smart`). */
export function outputFormat(value: string | boolean | undefined): OutputFormat {
  if (value === undefined) return 'smart';
  if (value === 'smart' || value === 'json' || value === 'yaml') return value;
  throw new ToolUsageError(
    `invalid value ${JSON.stringify(String(value))} for option --format: unknown format ${JSON.stringify(String(value))}`,
  );
}

/** A copy of `value` with every map's keys sorted; `leaf` maps each value that is no list or map. */
function sortKeys(value: unknown, leaf: (value: unknown) => unknown = (v) => v): unknown {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item, leaf));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key], leaf);
    return out;
  }
  return leaf(value);
}

/** Marks a string with a tab double-quoted: PyYAML rejects a tab in a plain scalar. */
function quoteTabs(value: unknown): unknown {
  if (typeof value !== 'string' || !value.includes('\t')) return value;
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/** Characters a literal block cannot carry (YAML's non-printable set, minus tab and newline). */
// eslint-disable-next-line no-control-regex
const NOT_PRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/;

/**
 * A top-level multi-line string as goyaml prints it: a literal block indented by two spaces.
 * The `yaml` package would print the block unindented, which YAML 1.1 parsers (PyYAML, so every
 * Python charm that runs `leader-get --format=yaml`) reject.
 */
function topLevelBlock(text: string): string | undefined {
  if (!text.includes('\n') || text.includes('\t') || NOT_PRINTABLE.test(text)) return undefined;
  const trailing = /\n*$/.exec(text)![0].length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const body = trailing === 0 ? text : text.slice(0, -1);
  // A first line starting with a space needs an explicit indentation indicator.
  const indicator = /^[ \n]/.test(body) ? '2' : '';
  const lines = body.split('\n').map((line) => (line === '' ? '' : `  ${line}`));
  return `|${indicator}${chomp}\n${lines.join('\n')}`;
}

/**
 * YAML as goyaml (gopkg.in/yaml.v2) writes it, which is what jujuc prints: keys sorted, nested
 * maps indented by two, list items at their key's indentation, multi-line strings as literal
 * blocks, and every string a YAML 1.1 parser would read as something else (`yes`, `on`, `n`,
 * `1.5`, `""`, `null`) double-quoted.
 */
function yaml(value: unknown): string {
  const block = typeof value === 'string' ? topLevelBlock(value) : undefined;
  const text =
    block ??
    stringify(sortKeys(value, quoteTabs), {
      version: '1.1',
      indentSeq: false,
      lineWidth: 0,
      minContentWidth: 0,
    }).replace(/\n+$/, '');
  return `${text}\n`;
}

/**
 * Formats a tool's result as Juju's `cmd.Output` does: `json` (sorted keys, `null` for no
 * value), `yaml` (nothing for no value), `smart` (strings as-is, lists one per line, booleans
 * `True`/`False`, other values as YAML, nothing for no value or an empty string/list).
 */
export function formatOutput(value: unknown, format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(sortKeys(value ?? null))}\n`;
  if (value === null || value === undefined) return '';
  if (format === 'yaml') return yaml(value);
  if (typeof value === 'string') return value === '' ? '' : `${value}\n`;
  if (typeof value === 'boolean') return value ? 'True\n' : 'False\n';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.length === 0 ? '' : `${value.join('\n')}\n`;
  return yaml(value);
}
