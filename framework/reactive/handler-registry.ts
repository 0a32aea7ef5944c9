import type { TriggerDefinition } from '../unit';
import type { HandlerConditions, HandlerDefinition } from './handler-definition';
import { isHandlerDefinition, validateHandlerInput, type HandlerDefinitionInput } from './handler-definition';
import { readMetadata, type AnyMethod, type HandlerMetadata } from './handler-metadata';
import type { HandlerSource, RegisteredHandler } from './registered-handler';
import { HandlerDefinitionError } from './reactive-errors';

/** Options of {@link HandlerRegistry.addClass}. */
export interface AddClassOptions {
  /** Layer and file the class comes from; part of each handler id. */
  readonly source: HandlerSource;
  /** Creates the instance the methods run on; called lazily, once per dispatch, on first use. */
  readonly instance: () => object;
  /** Placeholder values: `{endpoint_name}` → `db` in flags and hook patterns. Also suffixes ids (`#db`). */
  readonly expand?: Readonly<Record<string, string>>;
}

/** Handlers indexed for dispatch: by phase, and reactive ones by every flag they watch. */
export interface HandlerIndex {
  readonly hook: readonly RegisteredHandler[];
  readonly reactive: readonly RegisteredHandler[];
  readonly byFlag: ReadonlyMap<string, readonly RegisteredHandler[]>;
  /** Reactive handlers with `fileChanged` conditions: re-tested every iteration. */
  readonly fileWatchers: readonly RegisteredHandler[];
}

const PLACEHOLDER = /\{[A-Za-z_][A-Za-z0-9_]*\}/;

/**
 * Conditions on their way into the registry: `whenAny`/`whenNotAll` as groups, one per decorator
 * (a `defineHandler` list is one group).
 */
type GroupedConditions = Omit<HandlerConditions, 'whenAny' | 'whenNotAll'> & {
  readonly whenAny?: ReadonlyArray<readonly string[]>;
  readonly whenNotAll?: ReadonlyArray<readonly string[]>;
};

/** A `defineHandler` list as groups: itself as the one group, or none. */
const oneGroup = (list: readonly string[] | undefined): ReadonlyArray<readonly string[]> | undefined =>
  list === undefined || list.length === 0 ? undefined : [list];

/**
 * Collects handlers in registration order (layer order, then file, then declaration), which is
 * the dispatch order. Ids must be unique.
 */
export class HandlerRegistry {
  private readonly list: RegisteredHandler[] = [];
  private readonly ids = new Set<string>();
  private readonly triggerList: TriggerDefinition[] = [];
  private cached: HandlerIndex | undefined;

  /** Every handler, in registration order. */
  get handlers(): readonly RegisteredHandler[] {
    return this.list;
  }

  /** Triggers declared with {@link addTrigger}, installed by every dispatch before it starts. */
  get triggers(): readonly TriggerDefinition[] {
    return this.triggerList;
  }

  /** Registers a programmatic handler (from `defineHandler`, or a plain input object). */
  addHandler(def: HandlerDefinition | HandlerDefinitionInput, source?: HandlerSource): RegisteredHandler {
    if (!isHandlerDefinition(def)) validateHandlerInput(def);
    const d = def;
    const run = d.run as (...args: unknown[]) => unknown;
    return this.push(d.id, d, oneGroup(d.whenAny), oneGroup(d.whenNotAll), source, (args) => run(...args));
  }

  /**
   * Registers every decorated method of `Class` (inherited ones first, then declaration order).
   * Ids: `<layer>:<file>:<Class>.<method>` (plus `#<expand values>` when `expand` is given).
   */
  addClass(Class: abstract new (...args: never[]) => object, options: AddClassOptions): RegisteredHandler[] {
    const chain: object[] = [];
    for (
      let p: object | null = Class.prototype as object;
      p !== null && p !== Object.prototype;
      p = Object.getPrototypeOf(p)
    ) {
      chain.unshift(p);
    }
    const seen = new Set<string>();
    const added: RegisteredHandler[] = [];
    const key = {};
    const suffix = options.expand === undefined ? '' : `#${Object.values(options.expand).join(',')}`;
    for (const proto of chain) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === 'constructor' || seen.has(name)) continue;
        const desc = Object.getOwnPropertyDescriptor(proto, name);
        if (typeof desc?.value !== 'function') continue;
        // The most derived override decides what runs and with which conditions.
        const method = (Class.prototype as Record<string, unknown>)[name] as AnyMethod;
        const meta = readMetadata(method);
        if (meta === undefined || !hasConditions(meta)) continue;
        seen.add(name);
        const id = `${options.source.layer}:${options.source.file}:${Class.name}.${name}${suffix}`;
        const conditions = expandAll(id, fromMetadata(meta), options.expand ?? {});
        added.push(
          this.push(id, conditions, conditions.whenAny, conditions.whenNotAll, options.source, (args, instances) => {
            let obj = instances.get(key);
            if (obj === undefined) {
              obj = options.instance();
              instances.set(key, obj);
            }
            return (method as (...a: unknown[]) => unknown).apply(obj, args);
          }),
        );
      }
    }
    return added;
  }

  /** Declares a trigger that every dispatch installs on its flag set before the hook phase. */
  addTrigger(trigger: TriggerDefinition): void {
    this.triggerList.push({ ...trigger });
  }

  /** The dispatch index (rebuilt after any registration). Pure data. */
  index(): HandlerIndex {
    if (this.cached !== undefined) return this.cached;
    const hook: RegisteredHandler[] = [];
    const reactive: RegisteredHandler[] = [];
    const fileWatchers: RegisteredHandler[] = [];
    const byFlag = new Map<string, RegisteredHandler[]>();
    for (const h of this.list) {
      if (h.phase === 'hook') {
        hook.push(h);
        continue;
      }
      reactive.push(h);
      if (h.fileChanged.length > 0) fileWatchers.push(h);
      for (const f of h.watched) {
        const l = byFlag.get(f);
        if (l === undefined) byFlag.set(f, [h]);
        else l.push(h);
      }
    }
    this.cached = { hook, reactive, byFlag, fileWatchers };
    return this.cached;
  }

  private push(
    id: string,
    c: Omit<HandlerConditions, 'whenAny' | 'whenNotAll'>,
    anyGroups: ReadonlyArray<readonly string[]> | undefined,
    notAllGroups: ReadonlyArray<readonly string[]> | undefined,
    source: HandlerSource | undefined,
    invoke: RegisteredHandler['invoke'],
  ): RegisteredHandler {
    if (this.ids.has(id)) throw new HandlerDefinitionError(id, 'a handler with this id is already registered');
    const whenAll = merge(c.when, c.whenAll);
    const whenNone = merge(c.whenNot, c.whenNone);
    const whenAny = groups(anyGroups);
    const whenNotAll = groups(notAllGroups);
    const hooks = merge(c.hook, undefined);
    const actions = merge(c.action, undefined);
    if (hooks.length > 0 && actions.length > 0) {
      throw new HandlerDefinitionError(id, 'hook and action conditions can never hold together');
    }
    const h: RegisteredHandler = Object.freeze({
      id,
      order: this.list.length,
      source,
      phase: hooks.length > 0 || actions.length > 0 ? ('hook' as const) : ('reactive' as const),
      whenAll,
      whenNone,
      whenAny,
      whenNotAll,
      hooks,
      actions,
      fileChanged: merge(c.fileChanged, undefined),
      onlyOnce: c.onlyOnce === true,
      notUnless: merge(c.notUnless, undefined),
      watched: watchedFlags(whenAll, whenNone, flatGroups(whenAny), flatGroups(whenNotAll)),
      invoke,
    });
    this.ids.add(id);
    this.list.push(h);
    this.cached = undefined;
    return h;
  }
}

const EMPTY: readonly string[] = Object.freeze([]);
const EMPTY_GROUPS: ReadonlyArray<readonly string[]> = Object.freeze([]);

/** Concatenates two optional lists without duplicates; shares one empty array (many handlers). */
function merge(a: readonly string[] | undefined, b: readonly string[] | undefined): readonly string[] {
  const la = a?.length ?? 0;
  const lb = b?.length ?? 0;
  if (la + lb === 0) return EMPTY;
  if (lb === 0 && la === 1) return Object.freeze([(a as readonly string[])[0] as string]);
  return Object.freeze([...new Set([...(a ?? EMPTY), ...(b ?? EMPTY)])]);
}

/** Frozen groups, each without repeats; empty groups dropped. */
function groups(list: ReadonlyArray<readonly string[]> | undefined): ReadonlyArray<readonly string[]> {
  if (list === undefined || list.length === 0) return EMPTY_GROUPS;
  const out: (readonly string[])[] = [];
  for (const group of list) if (group.length > 0) out.push(merge(group, undefined));
  return Object.freeze(out);
}

function flatGroups(list: ReadonlyArray<readonly string[]>): readonly string[] {
  if (list.length === 0) return EMPTY;
  return list.length === 1 ? (list[0] as readonly string[]) : list.flat();
}

function watchedFlags(
  a: readonly string[],
  b: readonly string[],
  c: readonly string[],
  d: readonly string[],
): readonly string[] {
  const n = a.length + b.length + c.length + d.length;
  if (n === 0) return EMPTY;
  const all: string[] = [];
  for (const l of [a, b, c, d])
    for (let i = 0; i < l.length; i++) if (!all.includes(l[i] as string)) all.push(l[i] as string);
  return Object.freeze(all.length < 2 ? all : all.sort());
}

function hasConditions(m: HandlerMetadata): boolean {
  return (
    m.onlyOnce ||
    [m.whenAll, m.whenNone, m.whenAny, m.whenNotAll, m.hooks, m.actions, m.fileChanged].some((l) => l.length > 0)
  );
}

function fromMetadata(m: HandlerMetadata): GroupedConditions {
  return {
    whenAll: m.whenAll,
    whenNone: m.whenNone,
    whenAny: m.whenAny,
    whenNotAll: m.whenNotAll,
    hook: m.hooks,
    action: m.actions,
    fileChanged: m.fileChanged,
    onlyOnce: m.onlyOnce,
  };
}

function expandAll(id: string, c: GroupedConditions, values: Readonly<Record<string, string>>): GroupedConditions {
  const sub = (s: string): string => {
    let out = s;
    for (const [k, v] of Object.entries(values)) out = out.split(`{${k}}`).join(v);
    return out;
  };
  const flags = (l: readonly string[] | undefined): string[] =>
    (l ?? []).map((f) => {
      const e = sub(f);
      if (PLACEHOLDER.test(e))
        throw new HandlerDefinitionError(
          id,
          `flag ${JSON.stringify(f)} has a placeholder with no value (pass it in addClass expand)`,
        );
      return e;
    });
  return {
    whenAll: flags(c.whenAll),
    whenNone: flags(c.whenNone),
    whenAny: (c.whenAny ?? []).map(flags),
    whenNotAll: (c.whenNotAll ?? []).map(flags),
    hook: (c.hook ?? []).map(sub),
    action: c.action,
    fileChanged: c.fileChanged,
    onlyOnce: c.onlyOnce,
  };
}
