import type { DockerClient } from '../charm/docker-client';
import type { Config, HookContext, HookLogger, HookTools } from '../hookenv';
import { EndpointNotFoundError, type Endpoint } from '../endpoints';
import { clearFlag, isFlagSet, setFlag, toggleFlag } from '../reactive';
import type { KeyValueStore } from '../unit';
import { currentHook, type HookRuntime } from './hook-runtime';
import { readLayerOption } from './layer-option';
import type { PortBuffer } from './port-buffer';
import type { StatusHelper } from './status-helper';

const CHARM_CLASS = Symbol.for('rxcharm.charm-class');

/** Action helpers: `this.action.params()`, `.set(results)`, `.fail(message)`. */
export interface ActionHelper {
  params(): Promise<Readonly<Record<string, unknown>>>;
  set(results: Readonly<Record<string, unknown>>): Promise<void>;
  fail(message: string): Promise<void>;
}

/**
 * Base class of a layer's handler classes. Export a subclass from `reactive/*.ts`; the runtime
 * registers its decorated methods and creates one instance per hook, lazily, when one of its
 * handlers first runs (so constructors and field initialisers may use the members below).
 *
 * @example
 * ```ts
 * export class App extends Charm {
 *   @when('config.changed.port')
 *   async configure(): Promise<void> {
 *     this.ports.open(this.config.get<number>('port'));
 *     await this.status.active('ready');
 *   }
 * }
 * ```
 */
export class Charm {
  static readonly [CHARM_CLASS] = true;
  readonly #rt: HookRuntime;

  /** Created by the runtime inside a hook; `runtime` is for tests that build one by hand. */
  constructor(runtime?: HookRuntime) {
    this.#rt = runtime ?? currentHook('new Charm()');
  }

  /** The charm's config, typed from config.yaml. */
  get config(): Config {
    return this.#rt.config;
  }

  /** The unit's key-value store (committed with the hook). */
  get kv(): KeyValueStore {
    return this.#rt.kv;
  }

  /** The hook context (unit, hook name, relation...). */
  get hook(): HookContext {
    return this.#rt.context;
  }

  get charmDir(): string {
    return this.#rt.context.charmDir;
  }

  /** Workload status, applied at once. */
  get status(): StatusHelper {
    return this.#rt.status;
  }

  /** Ports, committed with the hook. */
  get ports(): PortBuffer {
    return this.#rt.ports;
  }

  /** A pino logger (child `module: charm`), redacted, also sent to juju-log under an agent. */
  get log(): HookLogger {
    return this.#rt.logger;
  }

  /** The hook-tool client, for tools without a helper (leader data, network-get...). */
  get tools(): HookTools {
    return this.#rt.tools;
  }

  /**
   * The hook's Docker client, on the charm's `docker_host` config (layer:docker's option) or, when
   * that is empty or absent, the daemon the environment names (`DOCKER_HOST`, TLS variables).
   * Made on first use and shared by the hook; under the test harness, its fake. Pass it on
   * (`new Compose(dir, { docker: this.docker })`) instead of constructing a client.
   */
  get docker(): DockerClient {
    return this.#rt.docker;
  }

  get action(): ActionHelper {
    const tools = this.#rt.tools;
    return { params: () => tools.actionGet(), set: (r) => tools.actionSet(r), fail: (m) => tools.actionFail(m) };
  }

  /** The endpoint instance named `name` in metadata.yaml. @throws EndpointNotFoundError */
  endpoint<T extends Endpoint = Endpoint>(name: string): T {
    const ep = this.#rt.endpoints.get(name);
    if (ep === undefined) throw new EndpointNotFoundError(name, [...this.#rt.endpoints.keys()].sort());
    return ep as T;
  }

  /** A layer option (layer.yaml), see {@link layerOption}. */
  layerOption<T = unknown>(layer: string, key: string): T {
    return readLayerOption<T>(this.#rt.layerOptions, layer, key);
  }

  /** Redacts `value` from every log line and error from now on; returns it. */
  markSecret<T extends string | null | undefined>(value: T): T {
    return this.#rt.redactor.markSecret(value);
  }

  setFlag(flag: string): void {
    setFlag(flag);
  }

  clearFlag(flag: string): void {
    clearFlag(flag);
  }

  toggleFlag(flag: string, value?: boolean): void {
    toggleFlag(flag, value);
  }

  isFlagSet(flag: string): boolean {
    return isFlagSet(flag);
  }
}

/** True for `Charm` subclasses, also across bundled copies of the framework. */
export function isCharmClass(value: unknown): value is new (runtime?: HookRuntime) => Charm {
  return (
    typeof value === 'function' &&
    value !== Charm &&
    (value as unknown as Record<symbol, unknown>)[CHARM_CLASS] === true
  );
}
