import { ModelLookupError, ModelOperationError } from '../errors';
import { appOfUnit, type ModelState } from './model-state';
import type { CharmEndpoint, QueuedHook, RelationEndpointRef, RelationRecord, UnitRecord } from './types';

/** An operator's `app` or `app:endpoint` argument. */
export interface EndpointSpec {
  readonly app: string;
  readonly endpoint?: string;
}

/** Parses `app[:endpoint]`. */
export function parseEndpointSpec(text: string): EndpointSpec {
  const at = text.indexOf(':');
  if (at < 0) return { app: text };
  const app = text.slice(0, at);
  const endpoint = text.slice(at + 1);
  if (app === '' || endpoint === '')
    throw new ModelOperationError(`invalid endpoint ${JSON.stringify(text)}: expected <application>[:<endpoint>]`);
  return { app, endpoint };
}

function compatible(a: CharmEndpoint, b: CharmEndpoint): boolean {
  if (a.interface !== b.interface) return false;
  return (a.role === 'requires' && b.role === 'provides') || (a.role === 'provides' && b.role === 'requires');
}

function ref(app: string, ep: CharmEndpoint): RelationEndpointRef {
  return { app, endpoint: ep.name, role: ep.role, interface: ep.interface };
}

function sameSides(relation: RelationRecord, a: RelationEndpointRef, b: RelationEndpointRef): boolean {
  const key = (e: RelationEndpointRef): string => `${e.app}:${e.endpoint}`;
  const have = relation.endpoints.map(key).sort().join(' ');
  return have === [key(a), key(b)].sort().join(' ');
}

/**
 * Chooses the two endpoints to relate: the pairs with the same interface and opposite roles
 * (requires ↔ provides), narrowed by the endpoints the operator named.
 *
 * @throws ModelOperationError when no pair fits or several do (the message lists them).
 */
export function resolveRelationEndpoints(
  model: ModelState,
  a: EndpointSpec,
  b: EndpointSpec,
): [RelationEndpointRef, RelationEndpointRef] {
  const appA = model.app(a.app);
  const appB = model.app(b.app);
  for (const [spec, app] of [
    [a, appA],
    [b, appB],
  ] as const) {
    if (spec.endpoint !== undefined && !app.charm.endpoints.some((e) => e.name === spec.endpoint)) {
      const names = app.charm.endpoints.map((e) => `${e.name} (${e.role} ${e.interface})`);
      throw new ModelLookupError(
        'endpoint',
        `${spec.app}:${spec.endpoint}`,
        `${spec.app} has: ${names.join(', ') || 'no endpoints'}`,
      );
    }
  }
  const candidates: Array<[RelationEndpointRef, RelationEndpointRef]> = [];
  for (const epA of appA.charm.endpoints) {
    if (a.endpoint !== undefined && epA.name !== a.endpoint) continue;
    for (const epB of appB.charm.endpoints) {
      if (b.endpoint !== undefined && epB.name !== b.endpoint) continue;
      if (compatible(epA, epB)) candidates.push([ref(appA.name, epA), ref(appB.name, epB)]);
    }
  }
  const show = (pair: [RelationEndpointRef, RelationEndpointRef]): string =>
    `${pair[0].app}:${pair[0].endpoint} ${pair[1].app}:${pair[1].endpoint} (${pair[0].interface})`;
  if (candidates.length === 0) {
    throw new ModelOperationError(
      `no relation possible between ${a.app}${a.endpoint ? `:${a.endpoint}` : ''} and ${b.app}${b.endpoint ? `:${b.endpoint}` : ''}: ` +
        'no endpoints with the same interface and opposite roles (requires/provides)',
      { a: a.app, b: b.app },
    );
  }
  if (candidates.length > 1) {
    throw new ModelOperationError(
      `ambiguous relation between ${a.app} and ${b.app}; name the endpoints, one of:\n  ${candidates.map(show).join('\n  ')}`,
      { a: a.app, b: b.app },
    );
  }
  return candidates[0];
}

/**
 * Relates two applications: queues `<ep>-relation-created` on every unit of both sides, then
 * joined followed by changed for each remote unit.
 *
 * @throws ModelOperationError when the relation already exists or an application is dying.
 */
export function relate(model: ModelState, a: EndpointSpec, b: EndpointSpec): RelationRecord {
  const [epA, epB] = resolveRelationEndpoints(model, a, b);
  if (epA.app === epB.app)
    throw new ModelOperationError(`cannot relate ${epA.app} to itself (peer relations are automatic)`);
  for (const ep of [epA, epB]) {
    if (model.app(ep.app).dying) throw new ModelOperationError(`application is being removed: ${ep.app}`);
  }
  if (model.data.relations.some((r) => !r.dying && sameSides(r, epA, epB))) {
    throw new ModelOperationError(`relation already exists: ${epA.app}:${epA.endpoint} ${epB.app}:${epB.endpoint}`);
  }
  const relation = model.addRelation([epA, epB]);
  for (const app of [epA.app, epB.app]) {
    for (const unit of model.unitsOf(app)) {
      model.enqueueRelationHook(unit, relation, 'created');
      for (const remote of model.remoteUnits(relation, unit.name)) {
        model.enqueueRelationHook(unit, relation, 'joined', remote.name);
        model.enqueueRelationHook(unit, relation, 'changed', remote.name);
      }
    }
  }
  return relation;
}

/** Finds the live relation between two endpoint specs (endpoints optional). */
export function findRelation(model: ModelState, a: EndpointSpec, b: EndpointSpec): RelationRecord {
  model.app(a.app);
  model.app(b.app);
  const matches = model.data.relations.filter((r) => {
    if (r.dying || r.endpoints.length !== 2) return false;
    const fits = (spec: EndpointSpec, ep: RelationEndpointRef): boolean =>
      ep.app === spec.app && (spec.endpoint === undefined || ep.endpoint === spec.endpoint);
    const [x, y] = r.endpoints;
    return (fits(a, x) && fits(b, y)) || (fits(a, y) && fits(b, x));
  });
  const name = (s: EndpointSpec): string => (s.endpoint ? `${s.app}:${s.endpoint}` : s.app);
  if (matches.length === 0) throw new ModelLookupError('relation', `${name(a)} ${name(b)}`);
  if (matches.length > 1) {
    const list = matches.map((r) => r.endpoints.map((e) => `${e.app}:${e.endpoint}`).join(' '));
    throw new ModelOperationError(
      `ambiguous relation ${name(a)} ${name(b)}; name the endpoints, one of:\n  ${list.join('\n  ')}`,
    );
  }
  return matches[0];
}

/** True when the hook is a not-yet-started hook of `relation` that `departing` makes pointless. */
function isObsolete(hook: QueuedHook, relationId: number, remote?: string): boolean {
  if (hook.relationId !== relationId) return false;
  if (remote !== undefined && hook.remoteUnit !== remote) return false;
  return /-relation-(created|joined|changed)$/.test(hook.hook);
}

/**
 * Drops pending created/joined/changed hooks of a relation (optionally for one remote unit) from a
 * unit's queue. The head stays when the unit is in error, since `resolve` may retry it.
 *
 * @returns the remote units whose `joined` stays queued (they will need a `departed`).
 */
export function dropPendingRelationHooks(unit: UnitRecord, relationId: number, remote?: string): string[] {
  const keepHead = unit.error !== null && unit.queue.length > 0;
  const head = keepHead ? unit.queue[0] : undefined;
  const rest = keepHead ? unit.queue.slice(1) : unit.queue;
  unit.queue = [...(head ? [head] : []), ...rest.filter((h) => !isObsolete(h, relationId, remote))];
  return head && head.relationId === relationId && head.hook.endsWith('-relation-joined') && head.remoteUnit
    ? [head.remoteUnit]
    : [];
}

/** Queues departed (per remote unit in scope) then broken on a unit leaving a relation. */
export function queueLeave(model: ModelState, unit: UnitRecord, relation: RelationRecord, broken: boolean): void {
  const retained = dropPendingRelationHooks(unit, relation.id);
  const scope = [...new Set([...(relation.scope[unit.name] ?? []), ...retained])].sort();
  for (const remote of scope) model.enqueueRelationHook(unit, relation, 'departed', remote, remote);
  if (broken) model.enqueueRelationHook(unit, relation, 'broken');
}

/**
 * Removes a relation: each unit of both sides gets `-relation-departed` for every remote unit it
 * had seen join, then `-relation-broken`. The relation disappears once every unit has left it.
 */
export function unrelate(model: ModelState, a: EndpointSpec, b: EndpointSpec): RelationRecord {
  const relation = findRelation(model, a, b);
  relation.dying = true;
  for (const unit of model.participants(relation)) queueLeave(model, unit, relation, true);
  return relation;
}

/** Changes one hook committed to a relation's data bags. */
export interface RelationCommit {
  readonly relationId: number;
  /** Keys set (non-empty value) or deleted (empty value) in the unit's own bag. */
  readonly unit: Record<string, string>;
  /** Same for the application bag (leader only), or null when untouched. */
  readonly app: Record<string, string> | null;
}

function applyBag(bag: Record<string, string>, changes: Record<string, string>): boolean {
  let changed = false;
  for (const [key, value] of Object.entries(changes)) {
    if (value === '') {
      if (key in bag) {
        delete bag[key];
        changed = true;
      }
    } else if (bag[key] !== value) {
      bag[key] = value;
      changed = true;
    }
  }
  return changed;
}

/**
 * Queues `-relation-changed` on `target` for `changer`'s new data unless a joined/changed for
 * `changer` is still pending there. The head does not count when it has already started (it may
 * have read the bag before this commit) or failed (`resolve --no-retry` may skip it).
 *
 * `changer` undefined stands for the application bag: Juju runs that changed with
 * `JUJU_REMOTE_APP` set and `JUJU_REMOTE_UNIT` empty, on every remote unit still in the
 * relation, whether or not a unit of the writer is in its scope.
 */
function wake(model: ModelState, target: UnitRecord, relation: RelationRecord, changer: string | undefined): void {
  const head = target.queue[0];
  const headPending = head !== undefined && target.error === null && !model.isRunning(target, head);
  const pending = target.queue.slice(headPending ? 0 : 1);
  const waiting = pending.some((h) =>
    changer === undefined
      ? h.relationId === relation.id && h.remoteUnit === undefined && h.hook.endsWith('-relation-changed')
      : h.relationId === relation.id && h.remoteUnit === changer && /-relation-(joined|changed)$/.test(h.hook),
  );
  if (waiting) return; // a queued hook for this bag will read the new data anyway
  if (changer !== undefined && !(relation.scope[target.name] ?? []).includes(changer)) return;
  model.enqueueRelationHook(target, relation, 'changed', changer);
}

/**
 * Applies the relation data a hook committed (on exit 0) and wakes `-relation-changed` on the
 * remote units that see the change: with `JUJU_REMOTE_UNIT` = the unit that changed its own bag,
 * and with `JUJU_REMOTE_UNIT` empty (`JUJU_REMOTE_APP` set) for an application bag change.
 */
export function commitRelationData(model: ModelState, unitName: string, commit: RelationCommit): void {
  const relation = model.findRelation(commit.relationId);
  if (relation === undefined) return;
  const app = appOfUnit(unitName);
  const unitBag = (relation.unitData[unitName] ??= {});
  const unitChanged = applyBag(unitBag, commit.unit);
  let appChanged = false;
  if (commit.app !== null) appChanged = applyBag((relation.appData[app] ??= {}), commit.app);
  if ((!unitChanged && !appChanged) || relation.dying) return;
  for (const target of model.remoteUnits(relation, unitName)) {
    if (relation.left.includes(target.name)) continue;
    if (unitChanged) wake(model, target, relation, unitName);
    if (appChanged) wake(model, target, relation, undefined);
  }
}
