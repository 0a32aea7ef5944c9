import { CharmRefreshError } from '../errors';
import type { ModelState } from './model-state';
import type { ApplicationRecord, CharmInfo, ConfigOption, ConfigValue, RelationRecord } from './types';

/** What {@link planRefresh} decided: nothing of it is applied yet. */
export interface RefreshPlan {
  /** Operator-set options the new charm no longer has, or whose value no longer fits its type. */
  readonly droppedConfig: readonly string[];
  /** Options the new charm adds (their defaults apply from now on). */
  readonly addedConfig: readonly string[];
  /** Peer endpoints the new charm adds (each gets its peer relation). */
  readonly newPeers: readonly string[];
}

function fits(option: ConfigOption, value: ConfigValue): boolean {
  if (value === null) return true;
  switch (option.type) {
    case 'string':
      return typeof value === 'string';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    default:
      // Juju's other option types (secret) take their value as a string.
      return typeof value === 'string';
  }
}

function describeRelation(relation: RelationRecord): string {
  return relation.endpoints.map((e) => `${e.app}:${e.endpoint}`).join(' ');
}

/**
 * Decides whether `app` can move to `charm`, as Juju's `refresh` does (pure).
 *
 * Juju refuses a charm of another name (that is `--switch`) and a charm whose metadata drops an
 * endpoint, or changes its role or interface, while a relation still uses it; both are refused here
 * with every offending relation named. Config set by the operator is kept where the new charm
 * still has the option with a compatible type, and dropped otherwise (Juju filters the settings
 * through the new charm's config the same way); new options take their defaults.
 *
 * @throws CharmRefreshError naming each relation the new charm would break.
 */
export function planRefresh(model: ModelState, app: ApplicationRecord, charm: CharmInfo): RefreshPlan {
  if (charm.name !== app.charm.name) {
    throw new CharmRefreshError(app.name, [
      `the new charm is "${charm.name}", the application runs "${app.charm.name}" (a refresh keeps the charm name)`,
    ]);
  }
  const problems: string[] = [];
  for (const relation of model.relationsOf(app.name)) {
    if (relation.dying) continue;
    for (const end of relation.endpoints.filter((e) => e.app === app.name)) {
      const next = charm.endpoints.find((e) => e.name === end.endpoint);
      if (next === undefined) {
        problems.push(
          `would break relation ${describeRelation(relation)}: the new charm has no endpoint "${end.endpoint}"`,
        );
      } else if (next.role !== end.role || next.interface !== end.interface) {
        problems.push(
          `would break relation ${describeRelation(relation)}: endpoint "${end.endpoint}" changes from ` +
            `${end.role} ${end.interface} to ${next.role} ${next.interface}`,
        );
      }
    }
  }
  if (problems.length > 0) throw new CharmRefreshError(app.name, [...new Set(problems)]);
  const droppedConfig = Object.entries(app.config)
    .filter(([key, value]) => charm.config[key] === undefined || !fits(charm.config[key], value))
    .map(([key]) => key)
    .sort();
  const addedConfig = Object.keys(charm.config)
    .filter((key) => app.charm.config[key] === undefined)
    .sort();
  const peers = new Set(
    model
      .relationsOf(app.name)
      .filter((r) => model.isPeer(r))
      .map((r) => r.endpoints[0].endpoint),
  );
  const newPeers = charm.endpoints.filter((e) => e.role === 'peers' && !peers.has(e.name)).map((e) => e.name);
  return { droppedConfig, addedConfig, newPeers };
}

/**
 * Applies a {@link RefreshPlan}: the application now runs `next.charm` (from `next.source`,
 * built from `next.layer` if given), dropped config
 * values go, new peer relations are created, and every live unit queues `upgrade-charm` then
 * `config-changed` (then, for a new peer relation, `-relation-created` and joined/changed with
 * each other unit). Unit state (flags, store, ports, leadership, relation data) is untouched.
 *
 * @returns the units the hooks were queued on.
 */
export function applyRefresh(
  model: ModelState,
  appName: string,
  next: { readonly charm: CharmInfo; readonly source: string; readonly layer?: string },
  plan: RefreshPlan,
): string[] {
  const { layer: _previousLayer, ...old } = model.app(appName);
  const config = { ...old.config };
  for (const key of plan.droppedConfig) delete config[key];
  const charm = next.charm;
  const app: ApplicationRecord = { ...old, ...next, config };
  model.data.applications[appName] = app;
  const units = model.unitsOf(appName);
  for (const unit of units) {
    model.enqueue(unit, { hook: 'upgrade-charm' });
    model.enqueue(unit, { hook: 'config-changed' });
  }
  for (const name of plan.newPeers) {
    const endpoint = charm.endpoints.find((e) => e.name === name)!;
    const relation = model.addRelation([
      { app: appName, endpoint: name, role: 'peers', interface: endpoint.interface },
    ]);
    for (const unit of units) model.enqueueRelationHook(unit, relation, 'created');
    for (const unit of units) {
      for (const other of units.filter((u) => u !== unit)) {
        model.enqueueRelationHook(unit, relation, 'joined', other.name);
        model.enqueueRelationHook(unit, relation, 'changed', other.name);
      }
    }
  }
  return units.map((u) => u.name);
}
