import { ModelOperationError } from '../errors';
import { validateConfigAssignments } from './config-values';
import type { ModelState } from './model-state';

/**
 * `config <app> k=v ...`: validates every assignment against the charm's `config.yaml` first
 * (nothing changes on any error), then stores the values and queues `config-changed` on every
 * unit when a value really changed.
 *
 * @returns the keys whose value changed.
 * @throws ConfigValidationError for unknown keys or wrong types.
 */
export function setConfig(model: ModelState, appName: string, assignments: readonly string[]): string[] {
  const app = model.app(appName);
  if (app.dying) throw new ModelOperationError(`application is being removed: ${appName}`, { app: appName });
  const values = validateConfigAssignments(appName, app.charm.config, assignments);
  const changed: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const before = key in app.config ? app.config[key] : app.charm.config[key]?.default;
    if (before !== value) changed.push(key);
    app.config[key] = value;
  }
  if (changed.length > 0) {
    for (const unit of model.unitsOf(appName)) model.enqueue(unit, { hook: 'config-changed' });
  }
  return changed.sort();
}

/**
 * `config <app> --reset k ...`: returns keys to their defaults.
 *
 * @throws ModelOperationError for an unknown key.
 */
export function resetConfig(model: ModelState, appName: string, keys: readonly string[]): string[] {
  const app = model.app(appName);
  const unknown = keys.filter((k) => app.charm.config[k] === undefined);
  if (unknown.length > 0)
    throw new ModelOperationError(`invalid config for ${appName}: unknown option(s): ${unknown.join(', ')}`);
  const changed = keys.filter((k) => k in app.config && app.config[k] !== app.charm.config[k]!.default);
  for (const key of keys) delete app.config[key];
  if (changed.length > 0) {
    for (const unit of model.unitsOf(appName)) model.enqueue(unit, { hook: 'config-changed' });
  }
  return changed.sort();
}
