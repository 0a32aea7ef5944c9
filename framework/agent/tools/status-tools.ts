import { defineQueryTool, defineTool } from './define-tool';
import type { StatusEntry, WorkloadStatusName } from '../model/types';
import type { FlagSpec } from './flag-parser';
import { checkExtraArgs } from './tool-env';
import { ToolRuntimeError, ToolUsageError } from './tool-errors';

const SETTABLE: readonly WorkloadStatusName[] = ['maintenance', 'blocked', 'waiting', 'active'];
/** `--application`: the application's status (leader only) rather than the unit's. */
const APPLICATION_FLAG: FlagSpec = { names: ['application'], kind: 'bool' };

/** `status-set [--application] <maintenance|blocked|waiting|active> [message]` — applied at once. */
export const statusSet = defineTool(
  'status-set',
  {
    usage: 'status-set [options] <maintenance | blocked | waiting | active> [message]',
    summary: 'set status information',
    flags: [APPLICATION_FLAG],
  },
  (env, parsed) => {
    const [status, message = ''] = parsed.positional;
    if (status === undefined) throw new ToolUsageError('invalid args, require <status> [message]');
    if (!SETTABLE.includes(status as WorkloadStatusName)) {
      throw new ToolUsageError(`invalid status ${JSON.stringify(status)}, expected one of [${SETTABLE.join(' ')}]`);
    }
    checkExtraArgs(parsed.positional, 2);
    const app = env.model.app(env.exec.app);
    if (parsed.flags.application === true) {
      if (app.leader !== env.exec.unit)
        throw new ToolRuntimeError('setting application status: this unit is not the leader');
      env.model.setAppStatus(app, status as WorkloadStatusName, message);
    } else {
      env.model.setUnitStatus(env.model.unit(env.exec.unit), status as WorkloadStatusName, message);
    }
    env.changed();
    return {};
  },
);

function entry(status: StatusEntry, withData: boolean): Record<string, unknown> {
  return withData
    ? { status: status.status, message: status.message, 'status-data': {} }
    : { status: status.status, message: status.message };
}

/** `status-get [--include-data] [--application] [--format]`. */
export const statusGet = defineQueryTool(
  'status-get',
  {
    usage: 'status-get [options] [--include-data] [--application]',
    summary: 'print status information',
    flags: [{ names: ['include-data'], kind: 'bool' }, APPLICATION_FLAG],
    maxArgs: 0,
  },
  (env, parsed) => {
    const withData = parsed.flags['include-data'] === true;
    const unit = env.model.unit(env.exec.unit);
    if (parsed.flags.application === true) {
      const app = env.model.app(env.exec.app);
      if (app.leader !== env.exec.unit)
        throw new ToolRuntimeError('finding application status: this unit is not the leader');
      const units: Record<string, unknown> = {};
      for (const u of env.model.unitsOf(app.name, true)) units[u.name] = { ...entry(u.status, true) };
      const appStatus = app.status ?? { status: 'unknown', message: '', since: '' };
      return { 'application-status': { ...entry(appStatus, true), units } };
    }
    const format = parsed.flags.format;
    if (!withData && (format === undefined || format === 'smart')) return unit.status.status;
    return entry(unit.status, true);
  },
);
