import { stringify } from 'yaml';
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

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

function yaml(value: unknown): string {
  return `${stringify(sortKeys(value), { lineWidth: 0 }).replace(/\n+$/, '')}\n`;
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
