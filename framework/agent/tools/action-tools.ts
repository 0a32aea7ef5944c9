import { defineQueryTool, defineTool } from './define-tool';
import type { ActionRun } from './hook-execution';
import { type ToolEnv } from './tool-env';
import { ToolRuntimeError, ToolUsageError } from './tool-errors';

const KEY_SEGMENT = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;
const RESERVED = new Set(['stdout', 'stdout-encoding', 'stderr', 'stderr-encoding']);

/** Message `action-fail` records when given none. */
export const DEFAULT_ACTION_FAIL = 'action failed without reason given, check action for errors';

function currentAction(env: ToolEnv): ActionRun {
  if (env.exec.action === null) throw new ToolRuntimeError('not running an action');
  return env.exec.action;
}

/** `action-get [<key>[.<sub>...]] [--format]`. */
export const actionGet = defineQueryTool(
  'action-get',
  { usage: 'action-get [options] [<key>[.<key>.<key>...]]', summary: 'get action parameters', maxArgs: 1 },
  (env, parsed) => {
    const action = currentAction(env);
    const key = parsed.positional[0];
    if (key === undefined) return action.params;
    let value: unknown = action.params;
    for (const part of key.split('.')) {
      value =
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? (value as Record<string, unknown>)[part]
          : undefined;
    }
    return value ?? null;
  },
);

/** `action-set key[.sub]=value ...` — nested by dots, reserved keys refused. */
export const actionSet = defineTool(
  'action-set',
  { usage: 'action-set <key>=<value> [<key>=<value> ...]', summary: 'set action results', flags: [] },
  (env, parsed) => {
    if (parsed.positional.length === 0) throw new ToolUsageError('no key=value pairs specified');
    const action = currentAction(env);
    const pairs: Array<[string[], string]> = [];
    for (const arg of parsed.positional) {
      const at = arg.indexOf('=');
      if (at <= 0) throw new ToolUsageError(`argument ${JSON.stringify(arg)} must be of the form key...=value`);
      const path = arg.slice(0, at).split('.');
      for (const segment of path) {
        if (!KEY_SEGMENT.test(segment)) {
          throw new ToolUsageError(
            `key ${JSON.stringify(segment)} must start and end with lowercase alphanumeric, and contain only lowercase alphanumeric, hyphens and periods`,
          );
        }
      }
      if (RESERVED.has(path[0]!)) throw new ToolUsageError(`cannot set reserved action key ${JSON.stringify(path[0])}`);
      pairs.push([path, arg.slice(at + 1)]);
    }
    for (const [path, value] of pairs) {
      let node = action.results;
      for (const segment of path.slice(0, -1)) {
        const next = node[segment];
        if (next === null || typeof next !== 'object' || Array.isArray(next)) node[segment] = {};
        node = node[segment] as Record<string, unknown>;
      }
      node[path[path.length - 1]!] = value;
    }
    return {};
  },
);

/** `action-fail ["message"]`. */
export const actionFail = defineTool(
  'action-fail',
  { usage: 'action-fail ["<failure message>"]', summary: 'set action fail status with message', flags: [], maxArgs: 1 },
  (env, parsed) => {
    const action = currentAction(env);
    action.failed = true;
    action.failMessage = parsed.positional[0] ?? DEFAULT_ACTION_FAIL;
    return {};
  },
);

/** `action-log <message...>` — progress, logged at once. */
export const actionLog = defineTool(
  'action-log',
  { usage: 'action-log <message>', summary: 'record a progress message for the current action', flags: [] },
  (env, parsed) => {
    if (parsed.positional.length === 0) throw new ToolUsageError('no message specified');
    currentAction(env);
    env.log('INFO', `action ${env.exec.hook}: ${parsed.positional.join(' ')}`);
    return {};
  },
);
