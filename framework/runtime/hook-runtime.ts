import { AsyncLocalStorage } from 'node:async_hooks';
import type { DockerClient } from '../charm/docker-client';
import type { Config, HookContext, HookLogger, HookTools, Redactor } from '../hookenv';
import type { Endpoint } from '../endpoints';
import type { KeyValueStore } from '../unit';
import type { PortBuffer } from './port-buffer';
import { NoActiveHookError } from './runtime-errors';
import type { StatusHelper } from './status-helper';

/** The services of one running hook; what `Charm` members and `layerOption` read. */
export interface HookRuntime {
  readonly context: HookContext;
  readonly config: Config;
  readonly kv: KeyValueStore;
  readonly tools: HookTools;
  /**
   * The hook's Docker client (`Charm.docker`): made on first read by the factory `runHook` was
   * given (`RunHookDeps.docker`), on the charm's `docker_host` config or the environment.
   */
  readonly docker: DockerClient;
  readonly logger: HookLogger;
  readonly redactor: Redactor;
  readonly endpoints: ReadonlyMap<string, Endpoint>;
  readonly status: StatusHelper;
  readonly ports: PortBuffer;
  readonly layerOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

const scope = new AsyncLocalStorage<HookRuntime>();

/** Runs `fn` with `runtime` as the current hook (the runtime does this around dispatch). */
export function runInHook<T>(runtime: HookRuntime, fn: () => T): T {
  return scope.run(runtime, fn);
}

/** The running hook's services. @throws NoActiveHookError outside a hook. */
export function currentHook(what = 'currentHook()'): HookRuntime {
  const rt = scope.getStore();
  if (rt === undefined) throw new NoActiveHookError(what);
  return rt;
}
