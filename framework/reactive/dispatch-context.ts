import { AsyncLocalStorage } from 'node:async_hooks';
import type { FlagSet, KeyValueStore } from '../unit';

/** What the flag functions act on while a dispatch runs. */
export interface DispatchContext {
  readonly flags: FlagSet;
  readonly kv: KeyValueStore;
  readonly hook: string;
  /** Id of the running handler, or `'runtime'` between handlers. */
  cause: string;
}

const storage = new AsyncLocalStorage<DispatchContext>();

/** The dispatch the caller runs in, or undefined outside one. */
export function currentDispatch(): DispatchContext | undefined {
  return storage.getStore();
}

/**
 * Runs `fn` with `flags`/`kv` as the current dispatch, so `setFlag` and friends work (cause
 * `'runtime'`). The runtime uses it to set automatic flags before `Dispatcher.dispatch`; tests
 * use it to call code that uses the flag functions.
 */
export function runInDispatchContext<T>(scope: { flags: FlagSet; kv: KeyValueStore; hook?: string }, fn: () => T): T {
  return storage.run({ flags: scope.flags, kv: scope.kv, hook: scope.hook ?? '', cause: 'runtime' }, fn);
}
