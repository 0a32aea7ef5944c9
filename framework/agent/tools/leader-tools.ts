import { defineQueryTool, defineTool } from './define-tool';
import { parseKeyValues } from './relation-set';
import { ToolRuntimeError, ToolUsageError } from './tool-errors';

/** `is-leader [--format]`. */
export const isLeader = defineQueryTool(
  'is-leader',
  { usage: 'is-leader [options]', summary: 'print application leadership status', maxArgs: 0 },
  (env) => env.model.app(env.exec.app).leader === env.exec.unit,
);

/** `leader-get [<key>|-] [--format]`. */
export const leaderGet = defineQueryTool(
  'leader-get',
  { usage: 'leader-get [options] [<key>]', summary: 'print application leadership settings', maxArgs: 1 },
  (env, parsed) => {
    const key = parsed.positional[0];
    const data = env.model.app(env.exec.app).leaderData;
    if (key === undefined || key === '-') return { ...data };
    if (key.includes('=')) throw new ToolUsageError(`invalid key ${JSON.stringify(key)}`);
    return data[key] ?? null;
  },
);

/**
 * `leader-set key=value ...` — leader only, written at once (not rolled back); the other units
 * of the application get `leader-settings-changed`.
 */
export const leaderSet = defineTool(
  'leader-set',
  {
    usage: 'leader-set [options] key=value [key=value ...]',
    summary: 'write application leadership settings',
    flags: [{ names: ['file'], kind: 'string' }],
  },
  (env, parsed) => {
    const settings = parseKeyValues(parsed.positional);
    const app = env.model.app(env.exec.app);
    if (app.leader !== env.exec.unit)
      throw new ToolRuntimeError('cannot write leadership settings: cannot write settings: not the leader');
    let changed = false;
    for (const [key, value] of Object.entries(settings)) {
      if (value === '') {
        if (key in app.leaderData) changed = true;
        delete app.leaderData[key];
      } else if (app.leaderData[key] !== value) {
        app.leaderData[key] = value;
        changed = true;
      }
    }
    if (changed) {
      for (const unit of env.model.unitsOf(app.name)) {
        if (unit.name !== env.exec.unit && unit.installed) env.model.enqueue(unit, { hook: 'leader-settings-changed' });
      }
      env.changed();
    }
    return {};
  },
);
