import type { JsonValue } from '../unit';
import type { FakeDockerState } from './docker/fake-docker-state';
import { emptyDockerState } from './docker/fake-docker-state';

/** A relation data bag: string values only, as Juju stores them. */
export type DataBag = Readonly<Record<string, string>>;

/** A config value as `config-get` returns it. */
export type ConfigValue = string | number | boolean | null;

/** One relation of the unit, seen from this unit. */
export interface RelationState {
  /** Endpoint name in metadata.yaml (`redis`). */
  readonly endpoint: string;
  /** Relation number: the id is `<endpoint>:<id>` (`redis:3`). */
  readonly id: number;
  /** The remote application (`redis`). */
  readonly remoteApp: string;
  /** Remote units in scope (`redis/0`), each with its unit data bag. */
  readonly remoteUnits: Readonly<Record<string, DataBag>>;
  /** The remote application's data bag. */
  readonly remoteAppData: DataBag;
  /** This unit's data bag (what it published so far). */
  readonly localUnitData: DataBag;
  /** This application's data bag (the leader writes it). */
  readonly localAppData: DataBag;
}

/** A workload status: what the unit shows in `status`. */
export interface StatusState {
  readonly status: string;
  readonly message: string;
}

/**
 * Everything the harness knows about a unit before or after a hook: an immutable plain object.
 * Build one with {@link state} (defaults filled in) or pass a partial literal to `Context.run`.
 */
export interface State {
  /** Unit name; `''` means `<charm name>/0`. */
  readonly unitName: string;
  readonly modelName: string;
  readonly leader: boolean;
  /** The unit is being removed: `goal-state` reports it `dying` (teardown hooks). */
  readonly dying: boolean;
  /** Config values the operator set (the rest come from config.yaml defaults). */
  readonly config: Readonly<Record<string, ConfigValue>>;
  /**
   * Config seen by the last successful hook (what `config.previous()` and the `config.changed.*`
   * flags compare with). `null`: no hook ever ran, so every option counts as changed.
   */
  readonly appliedConfig: Readonly<Record<string, ConfigValue>> | null;
  /** Set flags (sorted in outputs). */
  readonly flags: readonly string[];
  /** The unit key-value store (includes the runtime's own `rxcharm.*` keys). */
  readonly kv: Readonly<Record<string, JsonValue>>;
  readonly relations: readonly RelationState[];
  /** Opened ports as `opened-ports` prints them: `5000/tcp`. */
  readonly openedPorts: readonly string[];
  readonly status: StatusState;
  /** Leader settings (`leader-get`). */
  readonly leaderData: DataBag;
  /** The unit's private address (`unit-get private-address`). */
  readonly address: string;
  /** Files the charm wrote inside its charm directory, by relative path (rendered templates...). */
  readonly files: Readonly<Record<string, string>>;
  /** The simulated Docker daemon (ignored when the context talks to a real daemon). */
  readonly docker: FakeDockerState;
}

/** What {@link state} and `Context.run` accept: any part of a {@link State}. */
export type StateInput = {
  readonly [K in keyof State]?: K extends 'relations'
    ? readonly RelationInput[]
    : K extends 'docker'
      ? Partial<FakeDockerState>
      : State[K];
};

/** What {@link relation} accepts: the endpoint, and any other part of a {@link RelationState}. */
export type RelationInput = Partial<RelationState> & { readonly endpoint: string };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/**
 * A relation with defaults: the remote application named after the endpoint, no units, empty bags.
 * `id` defaults to the relation's position in the state when `state()` normalizes it.
 *
 * @example
 * ```ts
 * relation({ endpoint: 'redis', remoteApp: 'redis', remoteUnits: { 'redis/0': { host: '10.0.0.5', port: '6379' } } })
 * ```
 */
export function relation(input: RelationInput, fallbackId = 0): RelationState {
  return deepFreeze({
    endpoint: input.endpoint,
    id: input.id ?? fallbackId,
    remoteApp: input.remoteApp ?? input.endpoint,
    remoteUnits: structuredClone({ ...(input.remoteUnits ?? {}) }),
    remoteAppData: { ...(input.remoteAppData ?? {}) },
    localUnitData: { ...(input.localUnitData ?? {}) },
    localAppData: { ...(input.localAppData ?? {}) },
  });
}

/**
 * A complete, deeply frozen {@link State}: `input` over the defaults (a fresh unit that never ran a
 * hook: no flags, empty kv, not leader, no relations, status `unknown`, an empty Docker daemon).
 * Relations without an `id` get a unique one.
 *
 * @example
 * ```ts
 * const s = state({ config: { vote_port: 8080 }, flags: ['docker.available'], leader: true });
 * ```
 */
export function state(input: StateInput = {}): State {
  const used = new Set((input.relations ?? []).map((r) => r.id).filter((id): id is number => id !== undefined));
  let next = 0;
  const freshId = (): number => {
    while (used.has(next)) next++;
    used.add(next);
    return next;
  };
  return deepFreeze({
    unitName: input.unitName ?? '',
    modelName: input.modelName ?? 'test-model',
    leader: input.leader ?? false,
    dying: input.dying ?? false,
    config: { ...(input.config ?? {}) },
    appliedConfig:
      input.appliedConfig === undefined || input.appliedConfig === null ? null : { ...input.appliedConfig },
    flags: [...new Set(input.flags ?? [])].sort(),
    kv: structuredClone({ ...(input.kv ?? {}) }) as Record<string, JsonValue>,
    relations: (input.relations ?? []).map((r) => relation(r, r.id ?? freshId())),
    openedPorts: [...(input.openedPorts ?? [])],
    status: { ...(input.status ?? { status: 'unknown', message: '' }) },
    leaderData: { ...(input.leaderData ?? {}) },
    address: input.address ?? '10.1.0.10',
    files: { ...(input.files ?? {}) },
    docker: structuredClone({ ...emptyDockerState(), ...(input.docker ?? {}) }),
  });
}

/** The relation id as Juju prints it: `redis:3`. */
export function relationId(r: Pick<RelationState, 'endpoint' | 'id'>): string {
  return `${r.endpoint}:${r.id}`;
}
