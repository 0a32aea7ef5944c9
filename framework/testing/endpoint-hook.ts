import { endpointFlagPlan, type Endpoint, type EndpointHashes, type EndpointInit } from '../endpoints';
import type { RelationSnapshot } from '../endpoints';
import { Dispatcher, HandlerRegistry } from '../reactive';
import { FlagSet, KeyValueStore } from '../unit';

/** What an endpoint carries from one {@link runEndpointHook} to the next: its flags and change hashes. */
export interface EndpointHookState {
  flags: string[];
  hashes: EndpointHashes;
}

/** Which endpoint {@link runEndpointHook} runs, and how. */
export interface EndpointHookOptions {
  /** The endpoint's name in metadata.yaml (`db`). */
  readonly name: string;
  /** Its interface (`pgsql`). */
  readonly interfaceName: string;
  /** Default `requires`. */
  readonly role?: 'requires' | 'provides';
  /** True for the endpoint's `-relation-departed` hook (default false). */
  readonly departed?: boolean;
}

/**
 * Runs one `<name>-relation-changed` hook of a single endpoint class against in-memory relation
 * data, with the runtime's automatic endpoint flags (`endpoint.<name>.joined`, `.changed...`) and
 * the endpoint as leader; `state` is updated for the next hook as the runtime would commit it.
 * For unit tests of an interface without a charm directory; a charm's tests use {@link Context}.
 *
 * @example
 * ```ts
 * const state: EndpointHookState = { flags: [], hashes: {} };
 * const r = await runEndpointHook(RedisRequires, [relationSnapshot('redis:1', { 'redis/0': { port: '6379' } })], state, {
 *   name: 'redis',
 *   interfaceName: 'redis',
 * });
 * expect(r.flags).toContain('redis.connected');
 * ```
 */
export async function runEndpointHook<T extends Endpoint>(
  Class: new (init: EndpointInit) => T,
  relations: RelationSnapshot[],
  state: EndpointHookState,
  options: EndpointHookOptions,
): Promise<{ endpoint: T; flags: string[] }> {
  const { name } = options;
  const plan = endpointFlagPlan({
    endpoint: name,
    relations,
    previousHashes: state.hashes,
    departedNow: options.departed ?? false,
    currentFlags: state.flags,
  });
  const flags = new FlagSet(state.flags.filter((f) => !plan.clear.includes(f)).concat(plan.set));
  const snapshot = {
    name,
    role: options.role ?? 'requires',
    interfaceName: options.interfaceName,
    relations,
    departed: [],
  };
  const endpoint = new Class({ snapshot, isLeader: true });
  const registry = new HandlerRegistry();
  registry.addClass(Class, {
    source: { layer: `interface:${options.interfaceName}`, file: 'test' },
    instance: () => endpoint,
    expand: { endpoint_name: name },
  });
  await new Dispatcher({ registry, flags, kv: new KeyValueStore() }).dispatch(`${name}-relation-changed`);
  state.hashes = plan.hashes;
  // The per-hook flags go with the hook, as the runtime clears them.
  state.flags = flags
    .list()
    .filter((f) => !(f.startsWith(`endpoint.${name}.changed`) || f.startsWith(`endpoint.${name}.departed`)));
  return { endpoint, flags: flags.list() };
}

/** A relation of remote units and their bags (application = the first unit's), for {@link runEndpointHook}. */
export function relationSnapshot(
  relationId: string,
  units: Record<string, Record<string, string>>,
  localUnit: Record<string, string> = {},
): RelationSnapshot {
  return {
    relationId,
    remoteApp: Object.keys(units)[0]?.split('/')[0] ?? null,
    units,
    appData: {},
    localUnit,
    localApp: {},
  };
}

/**
 * {@link runEndpointHook} for one interface, endpoint name first: what an interface's test file
 * calls hook after hook.
 *
 * @example
 * ```ts
 * const runHook = endpointHookRunner('http');
 * const r = await runHook('website', HttpProvides, [relationSnapshot('website:1', { 'haproxy/0': {} })], state, { role: 'provides' });
 * ```
 */
export function endpointHookRunner(interfaceName: string) {
  return <T extends Endpoint>(
    name: string,
    Class: new (init: EndpointInit) => T,
    relations: RelationSnapshot[],
    state: EndpointHookState,
    options: Omit<EndpointHookOptions, 'name' | 'interfaceName'> = {},
  ): Promise<{ endpoint: T; flags: string[] }> =>
    runEndpointHook(Class, relations, state, { ...options, name, interfaceName });
}
