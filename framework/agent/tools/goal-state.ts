import { defineTool } from './define-tool';
import type { ModelState } from '../model/model-state';
import type { UnitRecord } from '../model/types';
import { emit } from './emit';
import { OUTPUT_FLAGS } from './flag-parser';
import { ToolUsageError } from './tool-errors';

/** One entry of `goal-state`: a status word and when it took effect. */
export interface GoalStateStatus {
  readonly status: string;
  readonly since: string;
}

/** Juju's `goal-state` document: the unit's application's units and, per endpoint, the remote side. */
export interface GoalState {
  readonly units: Record<string, GoalStateStatus>;
  readonly relations: Record<string, Record<string, GoalStateStatus>>;
}

function unitGoal(unit: UnitRecord): GoalStateStatus {
  // Juju reports the unit's life instead of its workload status once it is dying.
  return { status: unit.dying ? 'dying' : unit.status.status, since: unit.status.since };
}

/**
 * What `goal-state` reports for `app`, as Juju 3.6 builds it: every unit of the application
 * (`dying` once removal started, else its workload status) and, for each non-peer relation by
 * local endpoint, the remote application (`joined`, or `dying` while the relation is removed)
 * and each remote unit.
 */
export function goalState(model: ModelState, app: string): GoalState {
  const units: Record<string, GoalStateStatus> = {};
  for (const unit of model.unitsOf(app, true)) units[unit.name] = unitGoal(unit);
  const relations: Record<string, Record<string, GoalStateStatus>> = {};
  for (const relation of model.relationsOf(app)) {
    if (model.isPeer(relation)) continue;
    const local = model.localEndpoint(relation, app);
    const remote = model.remoteEndpoint(relation, app);
    const remoteApp = model.data.applications[remote.app];
    const entries = (relations[local.endpoint] ??= {});
    const since = Object.values(remoteApp?.units ?? {})[0]?.status.since ?? model.now();
    entries[remote.app] = { status: relation.dying || remoteApp?.dying === true ? 'dying' : 'joined', since };
    for (const unit of model.unitsOf(remote.app, true)) entries[unit.name] = unitGoal(unit);
  }
  return { units, relations };
}

/** `goal-state [--format yaml|json]` (yaml by default; Juju offers no smart format here). */
export const goalStateTool = defineTool(
  'goal-state',
  {
    usage: 'goal-state [options]',
    summary: 'print the status of the charm peers and related units',
    flags: OUTPUT_FLAGS,
    maxArgs: 0,
  },
  (env, parsed) => {
    const format = parsed.flags.format ?? 'yaml';
    if (format !== 'yaml' && format !== 'json')
      throw new ToolUsageError(
        `invalid value ${JSON.stringify(String(format))} for option --format: unknown format ${JSON.stringify(String(format))}`,
      );
    return emit(env, { ...parsed, flags: { ...parsed.flags, format } }, goalState(env.model, env.exec.app));
  },
);
