import { ModelOperationError } from '../errors';
import { INITIAL_MESSAGE, type ModelState } from './model-state';
import { forgetUnit } from './removal-ops';
import type { QueuedHook, UnitRecord } from './types';

/** Message a unit shows after a hook exits non-zero, exactly as Juju words it. */
export function hookFailedMessage(hook: string): string {
  return `hook failed: "${hook}"`;
}

/**
 * Updates relation scope when a hook starts, as Juju does: a remote unit is in `relation-list`
 * from its `-relation-joined` on, is gone during its `-relation-departed`, and the relation is
 * gone for the unit (`relation-ids`) from its `-relation-broken` on.
 */
export function hookStarted(model: ModelState, unit: UnitRecord, hook: QueuedHook): void {
  model.markStarted(unit, hook.seq);
  if (hook.relationId === undefined) return;
  const relation = model.findRelation(hook.relationId);
  if (relation === undefined) return;
  const scope = (relation.scope[unit.name] ??= []);
  if (hook.hook.endsWith('-relation-joined') && hook.remoteUnit !== undefined && !scope.includes(hook.remoteUnit)) {
    scope.push(hook.remoteUnit);
    scope.sort();
  } else if (hook.hook.endsWith('-relation-departed') && hook.remoteUnit !== undefined) {
    relation.scope[unit.name] = scope.filter((u) => u !== hook.remoteUnit);
  } else if (hook.hook.endsWith('-relation-broken')) {
    relation.scope[unit.name] = [];
    if (!relation.left.includes(unit.name)) relation.left.push(unit.name);
  }
}

/**
 * Records the end of the unit's head hook. On success the hook leaves the queue (and `remove`
 * takes the unit out of the model); on failure the unit goes to `error` and its queue pauses.
 */
export function hookFinished(model: ModelState, unit: UnitRecord, hook: QueuedHook, ok: boolean): void {
  model.markFinished(unit, hook.seq);
  const head = unit.queue[0];
  if (head === undefined || head.seq !== hook.seq) return;
  if (!ok) {
    unit.error = { hook: hook.hook, message: hookFailedMessage(hook.hook) };
    unit.history.push({ status: 'error', message: unit.error.message, since: model.now() });
    return;
  }
  unit.queue.shift();
  if (hook.hook === 'install') {
    unit.installed = true;
    if (unit.status.status === 'waiting' && unit.status.message === INITIAL_MESSAGE)
      model.setUnitStatus(unit, 'unknown', '');
  }
  if (hook.hook === 'remove') forgetUnit(model, unit.name);
  else if (hook.relationId !== undefined) {
    const relation = model.findRelation(hook.relationId);
    if (relation?.dying && model.participants(relation).length === 0) {
      model.data.relations = model.data.relations.filter((r) => r !== relation);
    }
  }
}

/**
 * `resolve`: clears a unit's error. With `retry` the failed hook runs again next; without, it
 * counts as done (and is skipped).
 *
 * @throws ModelOperationError when the unit is not in error.
 */
export function resolveUnit(model: ModelState, unitName: string, retry: boolean): void {
  const unit = model.unit(unitName);
  if (unit.error === null) throw new ModelOperationError(`unit is not in error: ${unitName}`, { unit: unitName });
  unit.error = null;
  const head = unit.queue[0];
  if (!retry && head !== undefined) hookFinished(model, unit, head, true);
}
