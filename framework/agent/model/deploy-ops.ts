import { ModelOperationError } from '../errors';
import { INITIAL_MESSAGE, type ModelState } from './model-state';
import type { ApplicationRecord, CharmInfo, ConfigValue, RelationRecord, UnitRecord } from './types';

const APP_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*$/;

/** Options of {@link addApplication}. */
export interface AddApplicationOptions {
  readonly name: string;
  readonly charm: CharmInfo;
  /** Where the charm copy lives, relative to the model dir. */
  readonly charmDir: string;
  readonly source: string;
  /** The layer `source` was built from, if any. */
  readonly layer?: string;
  /** Already validated config values. */
  readonly config: Record<string, ConfigValue>;
}

/**
 * Adds an application (no units yet) and its peer relations.
 *
 * @throws ModelOperationError when the name is invalid or taken.
 */
export function addApplication(model: ModelState, options: AddApplicationOptions): ApplicationRecord {
  if (!APP_NAME.test(options.name)) {
    throw new ModelOperationError(
      `invalid application name: ${JSON.stringify(options.name)}\nnames are lowercase letters, digits and dashes, start with a letter and end with a letter or digit`,
      { app: options.name },
    );
  }
  if (model.data.applications[options.name] !== undefined) {
    throw new ModelOperationError(`application already exists: ${options.name}`, { app: options.name });
  }
  const app: ApplicationRecord = {
    name: options.name,
    charm: options.charm,
    charmDir: options.charmDir,
    source: options.source,
    ...(options.layer === undefined ? {} : { layer: options.layer }),
    config: { ...options.config },
    units: {},
    nextUnit: 0,
    leader: null,
    leaderData: {},
    status: null,
    workloadVersion: '',
    dying: false,
  };
  model.data.applications[app.name] = app;
  for (const ep of options.charm.endpoints.filter((e) => e.role === 'peers')) {
    model.addRelation([{ app: app.name, endpoint: ep.name, role: 'peers', interface: ep.interface }]);
  }
  return app;
}

/** Unit directory name relative to the model dir (`units/<app>-<n>`). */
export function unitDirName(unit: string): string {
  return `units/${unit.replace('/', '-')}`;
}

function joinExisting(model: ModelState, unit: UnitRecord, relations: readonly RelationRecord[]): void {
  for (const relation of relations) {
    for (const remote of model.remoteUnits(relation, unit.name)) {
      model.enqueueRelationHook(unit, relation, 'joined', remote.name);
      model.enqueueRelationHook(unit, relation, 'changed', remote.name);
      model.enqueueRelationHook(remote, relation, 'joined', unit.name);
      model.enqueueRelationHook(remote, relation, 'changed', unit.name);
    }
  }
}

/**
 * Adds `count` units to an application and queues, for each, Juju's install phase: `install`,
 * `<ep>-relation-created` for the relations that exist, `leader-elected` (leader) or
 * `leader-settings-changed`, `config-changed`, `start`; then joined/changed with the units on
 * the other side of each relation, both ways.
 *
 * @returns the new units.
 */
export function addUnits(model: ModelState, appName: string, count: number): UnitRecord[] {
  const app = model.app(appName);
  if (app.dying) throw new ModelOperationError(`application is being removed: ${appName}`, { app: appName });
  if (!Number.isInteger(count) || count < 1)
    throw new ModelOperationError(`unit count must be a positive integer, got ${count}`);
  const added: UnitRecord[] = [];
  for (let i = 0; i < count; i++) {
    const number = app.nextUnit++;
    const name = `${app.name}/${number}`;
    const entry = { status: 'waiting' as const, message: INITIAL_MESSAGE, since: model.now() };
    const unit: UnitRecord = {
      name,
      number,
      charmDir: `${unitDirName(name)}/charm`,
      status: entry,
      history: [entry],
      error: null,
      queue: [],
      ports: [],
      dying: false,
      installed: false,
    };
    app.units[name] = unit;
    if (app.leader === null) app.leader = name;
    const relations = model.relationsOf(app.name).filter((r) => !r.dying);
    model.enqueue(unit, { hook: 'install' });
    for (const relation of relations) model.enqueueRelationHook(unit, relation, 'created');
    model.enqueue(unit, { hook: app.leader === name ? 'leader-elected' : 'leader-settings-changed' });
    model.enqueue(unit, { hook: 'config-changed' });
    model.enqueue(unit, { hook: 'start' });
    joinExisting(model, unit, relations);
    added.push(unit);
  }
  return added;
}
