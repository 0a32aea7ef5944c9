import { SECRET_KEY_PATTERN } from '../hookenv';
import type { ModelState } from '../agent';
import type { StateInput } from '../testing';
import type { JsonValue, UnitState } from '../unit';

/** What {@link unitSnapshot} returns: the harness input and what the live unit last did. */
export interface UnitSnapshot {
  /** The unit's state in the form `Context.run` takes (secrets replaced by placeholders). */
  readonly state: StateInput;
  /** Paths of the values replaced by placeholders (`kv.db.password`, `relations.db:2.remoteUnits.pg/0.password`). */
  readonly secrets: readonly string[];
}

/** The placeholder a secret value at `path` becomes: readable in a test, never the value. */
export function secretPlaceholder(path: string): string {
  return `<secret ${path}>`;
}

function redactJson(value: JsonValue, path: string, found: string[]): JsonValue {
  if (Array.isArray(value)) return value.map((v, i) => redactJson(v, `${path}.${i}`, found));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, JsonValue> = {};
  for (const [key, v] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (SECRET_KEY_PATTERN.test(key) && v !== null && v !== '') {
      found.push(at);
      out[key] = secretPlaceholder(at);
    } else out[key] = redactJson(v, at, found);
  }
  return out;
}

function redactBag(bag: Readonly<Record<string, string>>, path: string, found: string[]): Record<string, string> {
  return redactJson(bag as Record<string, JsonValue>, path, found) as Record<string, string>;
}

/**
 * The state of a live unit of the local model as `rxcharm/testing` takes it (pure): flags,
 * key-value store and applied config from the unit's store, operator config, leadership and
 * leader data, the relations it is in (remote units in scope with their bags, both application
 * bags, its own bag), opened ports and workload status. Every value under a key that names a
 * secret (the log redaction rule: `password`, `secret`, `token`, `api-key`, `private-key`) is
 * replaced by a placeholder, wherever it is.
 */
export function unitSnapshot(model: ModelState, unitName: string, stored: UnitState): UnitSnapshot {
  const unit = model.unit(unitName);
  const app = model.app(unitName.slice(0, unitName.lastIndexOf('/')));
  const secrets: string[] = [];
  const relations = model
    .relationsOf(app.name)
    .filter((r) => !r.dying && !r.left.includes(unitName))
    .map((r) => {
      const local = model.localEndpoint(r, app.name);
      const remote = model.remoteEndpoint(r, app.name);
      const at = `relations.${local.endpoint}:${r.id}`;
      const remoteUnits: Record<string, Record<string, string>> = {};
      for (const name of r.scope[unitName] ?? [])
        remoteUnits[name] = redactBag(r.unitData[name] ?? {}, `${at}.remoteUnits.${name}`, secrets);
      return {
        endpoint: local.endpoint,
        id: r.id,
        remoteApp: remote.app,
        remoteUnits,
        remoteAppData: model.isPeer(r) ? {} : redactBag(r.appData[remote.app] ?? {}, `${at}.remoteAppData`, secrets),
        localUnitData: redactBag(r.unitData[unitName] ?? {}, `${at}.localUnitData`, secrets),
        localAppData: redactBag(r.appData[app.name] ?? {}, `${at}.localAppData`, secrets),
      };
    });
  const state: StateInput = {
    unitName,
    modelName: model.data.name,
    leader: app.leader === unitName,
    config: redactJson(app.config, 'config', secrets) as Record<string, string | number | boolean | null>,
    appliedConfig:
      stored.config === null
        ? null
        : (redactJson(stored.config, 'appliedConfig', secrets) as Record<string, string | number | boolean | null>),
    flags: [...stored.flags].sort(),
    kv: redactJson(stored.kv, 'kv', secrets) as Record<string, JsonValue>,
    relations,
    openedPorts: [...unit.ports],
    status: { status: unit.status.status, message: unit.status.message },
    leaderData: redactBag(app.leaderData, 'leaderData', secrets),
  };
  return { state, secrets };
}
