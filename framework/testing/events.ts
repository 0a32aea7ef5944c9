/** The relation hooks, in lifecycle order. */
export type RelationHookKind = 'created' | 'joined' | 'changed' | 'departed' | 'broken';

/** A hook or action to run, with the context Juju would give it. */
export interface HarnessEvent {
  /** Hook name (`config-changed`, `redis-relation-joined`) or action name when `kind` is `action`. */
  readonly name: string;
  readonly kind: 'hook' | 'action';
  /** For relation hooks: the endpoint and relation number (`redis`, 3). */
  readonly relation?: { readonly endpoint: string; readonly id?: number; readonly kind: RelationHookKind };
  /** `JUJU_REMOTE_UNIT` (joined, changed, departed). */
  readonly remoteUnit?: string;
  /** `JUJU_DEPARTING_UNIT` (departed). */
  readonly departingUnit?: string;
  /** Action parameters (`action-get`). */
  readonly params?: Readonly<Record<string, unknown>>;
}

/** An event given as a plain hook name (`'install'`, `'config-changed'`) or a built {@link HarnessEvent}. */
export type EventInput = string | HarnessEvent;

/** Options of the relation event helpers. */
export interface RelationEventOptions {
  /** Which relation of the endpoint (its number), when the state holds several. */
  readonly relationId?: number;
}

function relationEvent(
  kind: RelationHookKind,
  endpoint: string,
  remoteUnit: string | undefined,
  options: RelationEventOptions,
): HarnessEvent {
  return Object.freeze({
    name: `${endpoint}-relation-${kind}`,
    kind: 'hook' as const,
    relation: Object.freeze({ endpoint, id: options.relationId, kind }),
    ...(remoteUnit === undefined ? {} : { remoteUnit }),
    ...(kind === 'departed' && remoteUnit !== undefined ? { departingUnit: remoteUnit } : {}),
  });
}

/** `<endpoint>-relation-created`: the relation exists, no remote unit has joined yet. */
export function relationCreated(endpoint: string, options: RelationEventOptions = {}): HarnessEvent {
  return relationEvent('created', endpoint, undefined, options);
}

/** The helper of a hook that may name the remote unit it is about (`joined`, `changed`). */
function unitEvent(
  kind: 'joined' | 'changed',
): (endpoint: string, remoteUnit?: string, options?: RelationEventOptions) => HarnessEvent {
  return (endpoint, remoteUnit, options = {}) => relationEvent(kind, endpoint, remoteUnit, options);
}

/** `<endpoint>-relation-joined` for `remoteUnit` (which must be in the relation's `remoteUnits`). */
export const relationJoined = unitEvent('joined');

/** `<endpoint>-relation-changed`; without `remoteUnit`, the remote application's data changed. */
export const relationChanged = unitEvent('changed');

/**
 * `<endpoint>-relation-departed`: `remoteUnit` (in the input state's relation) leaves; during the
 * hook `relation-list` no longer shows it, and the output state's relation no longer holds it.
 */
export function relationDeparted(
  endpoint: string,
  remoteUnit: string,
  options: RelationEventOptions = {},
): HarnessEvent {
  return relationEvent('departed', endpoint, remoteUnit, options);
}

/** `<endpoint>-relation-broken`: the relation is gone; the output state no longer holds it. */
export function relationBroken(endpoint: string, options: RelationEventOptions = {}): HarnessEvent {
  return relationEvent('broken', endpoint, undefined, options);
}

/** The action `name` with its parameters (checked against actions.yaml). */
export function action(name: string, params: Readonly<Record<string, unknown>> = {}): HarnessEvent {
  return Object.freeze({ name, kind: 'action' as const, params: Object.freeze({ ...params }) });
}

const RELATION_HOOK = /^([a-z][a-z0-9-]*)-relation-(created|joined|changed|departed|broken)$/;

/**
 * Normalizes an event: a plain relation hook name (`'redis-relation-broken'`) becomes the same
 * event as the helper builds (no remote unit).
 */
export function toEvent(input: EventInput): HarnessEvent {
  if (typeof input !== 'string') return input;
  const m = RELATION_HOOK.exec(input);
  if (m !== null) return relationEvent(m[2] as RelationHookKind, m[1] as string, undefined, {});
  return Object.freeze({ name: input, kind: 'hook' as const });
}
