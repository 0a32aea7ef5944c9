import { defineQueryTool } from './define-tool';
import { effectiveConfig } from '../model/config-values';
import { ToolUsageError } from './tool-errors';

/** `config-get [<key>] [-a/--all] [--format]`. */
export const configGet = defineQueryTool(
  'config-get',
  {
    usage: 'config-get [options] [<key>]',
    summary: 'print application configuration',
    flags: [{ names: ['a', 'all'], kind: 'bool' }],
    maxArgs: 1,
  },
  (env, parsed) => {
    const key = parsed.positional[0];
    const app = env.model.app(env.exec.app);
    const values = effectiveConfig(app.charm.config, app.config);
    if (key !== undefined) {
      if (parsed.flags.a === true) throw new ToolUsageError(`cannot use argument --all together with key "${key}"`);
      return values[key] ?? null;
    }
    const shown: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(values)) {
      if (value !== null || parsed.flags.a === true) shown[name] = value;
    }
    return shown;
  },
);
