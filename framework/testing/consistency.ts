import { STANDARD_HOOKS } from '../build';
import { configTypeProblem } from '../hookenv';
import { endpointRoles, type CharmSpec } from './charm-spec';
import type { HarnessEvent } from './events';
import { relationId, type RelationState, type State } from './state';

const UNIT = /^([a-z][a-z0-9-]*)\/\d+$/;
const PORT = /^(\d+(-\d+)?\/(tcp|udp)|icmp)$/;
const JSON_TYPES: Readonly<Record<string, (v: unknown) => boolean>> = {
  string: (v) => typeof v === 'string',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  array: (v) => Array.isArray(v),
};

/** The relation an event acts on, once the check passed. */
export function eventRelation(s: State, event: HarnessEvent): RelationState | undefined {
  const r = event.relation;
  if (r === undefined) return undefined;
  const candidates = s.relations.filter((x) => x.endpoint === r.endpoint && (r.id === undefined || x.id === r.id));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Where `value` stops being JSON (the unit kv persists JSON only), or undefined. */
function jsonProblem(value: unknown, path: string): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} is ${String(value)}`;
  if (typeof value !== 'object') return `${path} is a ${typeof value}`;
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  // Compared by name: objects may come from another realm (structuredClone, a bundle).
  if (!Array.isArray(value) && proto !== null && proto.constructor?.name !== 'Object')
    return `${path} is a ${proto.constructor?.name ?? 'non-plain object'}`;
  for (const [k, v] of Object.entries(value)) {
    const p = jsonProblem(v, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`);
    if (p !== undefined) return p;
  }
  return undefined;
}

function stateProblems(spec: CharmSpec, s: State): string[] {
  const problems: string[] = [];
  const unit = UNIT.exec(s.unitName);
  if (unit === null) problems.push(`unitName: ${JSON.stringify(s.unitName)} is not <application>/<number>`);
  for (const [where, values] of [
    ['config', s.config],
    ['appliedConfig', s.appliedConfig ?? {}],
  ] as const) {
    for (const [key, value] of Object.entries(values)) {
      const option = spec.config[key];
      if (option === undefined) {
        problems.push(
          `${where}.${key}: no such option in config.yaml (options: ${Object.keys(spec.config).sort().join(', ') || 'none'})`,
        );
        continue;
      }
      const typeProblem = configTypeProblem(option.type, value);
      if (typeProblem !== undefined) problems.push(`${where}.${key}: ${typeProblem} (config.yaml says ${option.type})`);
    }
  }
  s.flags.forEach((f, i) => {
    if (typeof f !== 'string' || f.length === 0) problems.push(`flags[${i}]: not a non-empty string`);
  });
  const kvProblem = jsonProblem(s.kv, 'kv');
  if (kvProblem !== undefined) problems.push(`${kvProblem}: the unit kv holds JSON values only`);
  s.openedPorts.forEach((p) => {
    if (!PORT.test(p)) problems.push(`openedPorts: ${JSON.stringify(p)} is not <port>[-<port>]/<tcp|udp> or icmp`);
  });
  const roles = endpointRoles(spec);
  const seen = new Set<string>();
  for (const r of s.relations) {
    const rid = relationId(r);
    const role = roles.get(r.endpoint);
    if (role === undefined) {
      problems.push(
        `relation ${rid}: metadata.yaml has no endpoint "${r.endpoint}" (endpoints: ${[...roles.keys()].sort().join(', ') || 'none'})`,
      );
      continue;
    }
    if (!Number.isInteger(r.id) || r.id < 0) problems.push(`relation ${rid}: id must be an integer >= 0`);
    if (seen.has(rid)) problems.push(`relation ${rid}: two relations have this id`);
    seen.add(rid);
    if (role === 'peers' && unit !== null && r.remoteApp !== unit[1])
      problems.push(
        `relation ${rid}: a peer relation's remote application is this application (${unit[1]}), not ${r.remoteApp}`,
      );
    for (const [name, bag] of Object.entries(r.remoteUnits)) {
      const m = UNIT.exec(name);
      if (m === null || m[1] !== r.remoteApp)
        problems.push(
          `relation ${rid}: remote unit ${JSON.stringify(name)} is not a unit of ${r.remoteApp} (<${r.remoteApp}>/<number>)`,
        );
      if (name === s.unitName) problems.push(`relation ${rid}: this unit (${name}) cannot be its own remote unit`);
      for (const [k, v] of Object.entries(bag))
        if (typeof v !== 'string')
          problems.push(`relation ${rid}: ${name}.${k} is a ${typeof v}; relation data holds strings only`);
    }
    for (const [what, bag] of [
      ['remoteAppData', r.remoteAppData],
      ['localUnitData', r.localUnitData],
      ['localAppData', r.localAppData],
    ] as const) {
      for (const [k, v] of Object.entries(bag))
        if (typeof v !== 'string')
          problems.push(`relation ${rid}: ${what}.${k} is a ${typeof v}; relation data holds strings only`);
    }
  }
  return problems;
}

function eventProblems(spec: CharmSpec, s: State, event: HarnessEvent): string[] {
  const problems: string[] = [];
  if (event.kind === 'action') {
    const declared = spec.actions[event.name];
    if (declared === undefined)
      return [
        `action ${event.name}: not declared in actions.yaml (actions: ${Object.keys(spec.actions).sort().join(', ') || 'none'})`,
      ];
    for (const required of declared.required)
      if (!(required in (event.params ?? {})))
        problems.push(`action ${event.name}: required parameter ${required} is missing`);
    for (const [name, value] of Object.entries(event.params ?? {})) {
      if (!(name in declared.params)) {
        problems.push(`action ${event.name}: parameter ${name} is not declared in actions.yaml`);
        continue;
      }
      const type = schemaType(declared.params[name]);
      if (type !== undefined && JSON_TYPES[type]?.(value) === false)
        problems.push(`action ${event.name}: parameter ${name} must be ${type}, got ${JSON.stringify(value)}`);
    }
    return problems;
  }
  const r = event.relation;
  if (r === undefined) {
    if (!STANDARD_HOOKS.includes(event.name))
      problems.push(
        `hook ${event.name}: not a hook Juju runs (standard hooks: ${STANDARD_HOOKS.join(', ')}; relation hooks: use the relation helpers)`,
      );
    if (event.name === 'leader-elected' && !s.leader)
      problems.push('hook leader-elected: the unit must be the leader (state.leader: true)');
    if (event.name === 'leader-settings-changed' && s.leader)
      problems.push('hook leader-settings-changed: Juju runs it on non-leaders only (state.leader: false)');
    return problems;
  }
  if (!endpointRoles(spec).has(r.endpoint))
    return [`hook ${event.name}: metadata.yaml has no endpoint "${r.endpoint}"`];
  const candidates = s.relations.filter((x) => x.endpoint === r.endpoint && (r.id === undefined || x.id === r.id));
  if (candidates.length === 0) {
    return [
      `hook ${event.name}: the state has no ${r.endpoint} relation${r.id === undefined ? '' : ` with id ${r.id}`} (add it to state.relations)`,
    ];
  }
  if (candidates.length > 1)
    return [
      `hook ${event.name}: the state has ${candidates.length} ${r.endpoint} relations; pass { relationId } to choose one`,
    ];
  const rel = candidates[0] as RelationState;
  const units = Object.keys(rel.remoteUnits);
  if (r.kind === 'created' && units.length > 0)
    problems.push(
      `hook ${event.name}: relation ${relationId(rel)} already has remote units (${units.join(', ')}); -created runs before any -joined`,
    );
  if (r.kind === 'broken' && units.length > 0)
    problems.push(
      `hook ${event.name}: relation ${relationId(rel)} still has remote units (${units.join(', ')}); Juju runs -departed for each one before -broken`,
    );
  if ((r.kind === 'joined' || r.kind === 'departed') && event.remoteUnit === undefined)
    problems.push(`hook ${event.name}: needs the remote unit (JUJU_REMOTE_UNIT)`);
  if (event.remoteUnit !== undefined && !units.includes(event.remoteUnit)) {
    problems.push(
      `hook ${event.name}: remote unit ${event.remoteUnit} is not in relation ${relationId(rel)} (units: ${units.join(', ') || 'none'})`,
    );
  }
  return problems;
}

/**
 * Every reason why Juju could never run `event` on a unit in state `s` of this charm: unknown
 * config keys or wrongly typed values, relations on undeclared endpoints, remote units not in the
 * relation, a relation hook for a relation the state lacks, an undeclared action... Pure; an
 * empty list means consistent.
 */
export function consistencyProblems(spec: CharmSpec, s: State, event: HarnessEvent): string[] {
  return [...stateProblems(spec, s), ...eventProblems(spec, s, event)];
}

/** The `type` of a parameter's JSON schema, when it names one. */
function schemaType(schema: unknown): string | undefined {
  const type = typeof schema === 'object' && schema !== null ? (schema as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : undefined;
}
