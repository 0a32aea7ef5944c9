import type { ConfigOptionValue } from '../../charm';

/** Prefixes of the layer:basic config flags; all are hook-scoped (cleared at the end of each hook). */
export const CONFIG_FLAG_PREFIXES = ['config.changed', 'config.set.', 'config.default.'] as const;

/** True for `config.changed`, `config.changed.<opt>`, `config.set.<opt>`, `config.default.<opt>`. */
export function isConfigFlag(flag: string): boolean {
  return (
    flag === 'config.changed' ||
    flag.startsWith('config.changed.') ||
    flag.startsWith('config.set.') ||
    flag.startsWith('config.default.')
  );
}

function same(a: ConfigOptionValue | undefined, b: ConfigOptionValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

/** layer:basic's notion of "set": `null`, `false`, `''` and `0` are not set. */
function truthy(v: ConfigOptionValue): boolean {
  return v !== null && v !== false && v !== '' && v !== 0;
}

/**
 * The config flags for this hook (sorted), as layer:basic computes them:
 * `config.changed` + `config.changed.<opt>` for each option that differs from `previous` (the
 * snapshot of the last successful hook; `null` = first hook, so everything changed),
 * `config.set.<opt>` when the value is truthy, `config.default.<opt>` when it equals its default.
 * Pure: the runtime applies the result.
 */
export function configFlags(
  previous: Readonly<Record<string, ConfigOptionValue>> | null,
  current: Readonly<Record<string, ConfigOptionValue>>,
  defaults: Readonly<Record<string, ConfigOptionValue>> = {},
): string[] {
  const flags: string[] = [];
  let anyChanged = false;
  for (const key of Object.keys(current)) {
    const value = current[key] ?? null;
    if (previous === null || !(key in previous) || !same(previous[key], value)) {
      anyChanged = true;
      flags.push(`config.changed.${key}`);
    }
    if (truthy(value)) flags.push(`config.set.${key}`);
    if (same(defaults[key], value)) flags.push(`config.default.${key}`);
  }
  if (previous !== null) {
    // An option that disappeared (charm upgrade removed it) is a change too.
    for (const key of Object.keys(previous)) if (!(key in current)) anyChanged = true;
  }
  if (anyChanged) flags.push('config.changed');
  return flags.sort();
}
