import { ModelOperationError } from '../errors';
import { appOfUnit, type ModelState } from './model-state';
import { dropPendingRelationHooks, queueLeave } from './relation-ops';
import type { ApplicationRecord, UnitRecord } from './types';

/** Passes leadership to the lowest-numbered live unit and queues its `leader-elected`. */
export function electLeader(model: ModelState, app: ApplicationRecord): void {
  if (app.leader !== null && app.units[app.leader] !== undefined && !app.units[app.leader]!.dying) return;
  const next = model.unitsOf(app.name)[0];
  app.leader = next?.name ?? null;
  if (next !== undefined) model.enqueue(next, { hook: 'leader-elected' });
}

function queueUnitTeardown(model: ModelState, unit: UnitRecord): void {
  const app = appOfUnit(unit.name);
  // Relations already dying have queued this unit's departed/broken when they started dying.
  const relations = model.relationsOf(app).filter((r) => !r.dying && !r.left.includes(unit.name));
  // The others see this unit depart first.
  for (const relation of relations) {
    for (const other of model.participants(relation)) {
      if (other.name === unit.name || other.dying) continue;
      const retained = dropPendingRelationHooks(other, relation.id, unit.name);
      const inScope = (relation.scope[other.name] ?? []).includes(unit.name) || retained.includes(unit.name);
      if (inScope) model.enqueueRelationHook(other, relation, 'departed', unit.name, unit.name);
    }
  }
  // Juju 3.6 breaks every relation of a dying unit before `stop`: per relation, departed for
  // each remote unit then broken (peers get no broken).
  for (const relation of relations) queueLeave(model, unit, relation, !model.isPeer(relation));
  model.enqueue(unit, { hook: 'stop' });
  model.enqueue(unit, { hook: 'remove' });
}

/**
 * Removes a unit: the other units of its relations get `-relation-departed`; the unit itself,
 * relation by relation, gets departed per remote unit then `-relation-broken`; then `stop`
 * and `remove` (Juju 3.6's order), after
 * which it leaves the model. A leader hands leadership to the next unit (`leader-elected`).
 *
 * @throws ModelOperationError when the unit is already being removed.
 */
export function removeUnit(model: ModelState, unitName: string): UnitRecord {
  const unit = model.unit(unitName);
  if (unit.dying) throw new ModelOperationError(`unit is already being removed: ${unitName}`, { unit: unitName });
  unit.dying = true;
  const app = model.app(appOfUnit(unitName));
  // The next leader hears of it first, before the departing unit's hooks on it.
  if (!app.dying) electLeader(model, app);
  queueUnitTeardown(model, unit);
  return unit;
}

/**
 * Removes an application: its relations die (remote units get departed per unit then broken) and
 * every unit is torn down as {@link removeUnit} does. The application leaves the model with its
 * last unit.
 */
export function removeApplication(model: ModelState, appName: string): ApplicationRecord {
  const app = model.app(appName);
  if (app.dying) throw new ModelOperationError(`application is already being removed: ${appName}`, { app: appName });
  app.dying = true;
  const units = model.unitsOf(appName);
  for (const unit of units) unit.dying = true;
  for (const unit of units) queueUnitTeardown(model, unit);
  for (const relation of model.relationsOf(appName)) {
    if (model.isPeer(relation) || relation.dying) continue;
    relation.dying = true;
    // The remote units already have a departed per unit of this application queued above.
    const remote = model.remoteEndpoint(relation, appName);
    for (const unit of model.unitsOf(remote.app, true)) {
      if (relation.left.includes(unit.name)) continue;
      dropPendingRelationHooks(unit, relation.id);
      model.enqueueRelationHook(unit, relation, 'broken');
    }
  }
  if (Object.keys(app.units).length === 0) delete model.data.applications[appName];
  collectRelations(model);
  return app;
}

/** Deletes relations that are dying and that no unit takes part in any more. */
export function collectRelations(model: ModelState): void {
  model.data.relations = model.data.relations.filter((relation) => {
    const appsGone = relation.endpoints.every((e) => model.data.applications[e.app] === undefined);
    if (appsGone) return false;
    if (!relation.dying) return true;
    return model.participants(relation).length > 0;
  });
}

/** Takes a unit out of the model after its `remove` hook. */
export function forgetUnit(model: ModelState, unitName: string): void {
  const appName = appOfUnit(unitName);
  const app = model.data.applications[appName];
  if (app === undefined) return;
  delete app.units[unitName];
  for (const relation of model.data.relations) {
    delete relation.scope[unitName];
    delete relation.unitData[unitName];
    relation.left = relation.left.filter((u) => u !== unitName);
    for (const [local, remotes] of Object.entries(relation.scope))
      relation.scope[local] = remotes.filter((r) => r !== unitName);
  }
  if (app.leader === unitName) app.leader = null;
  if (app.dying && Object.keys(app.units).length === 0) delete model.data.applications[appName];
  collectRelations(model);
}
