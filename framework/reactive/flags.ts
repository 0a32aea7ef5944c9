import type { TriggerDefinition } from '../unit';
import { currentDispatch, type DispatchContext } from './dispatch-context';
import { NoActiveDispatchError } from './reactive-errors';

function active(fn: string): DispatchContext {
  const ctx = currentDispatch();
  if (ctx === undefined) throw new NoActiveDispatchError(fn);
  return ctx;
}

/** Sets `flag` in the current dispatch (no-op if already set). */
export function setFlag(flag: string): void {
  const ctx = active('setFlag');
  ctx.flags.set(flag, ctx.cause);
}

/** Clears `flag` in the current dispatch (no-op if not set). */
export function clearFlag(flag: string): void {
  const ctx = active('clearFlag');
  ctx.flags.clear(flag, ctx.cause);
}

/** Sets `flag` if `value` is true, clears it if false, flips it when `value` is omitted. */
export function toggleFlag(flag: string, value?: boolean): void {
  const ctx = active('toggleFlag');
  ctx.flags.toggle(flag, value, ctx.cause);
}

/** Whether `flag` is set in the current dispatch. */
export function isFlagSet(flag: string): boolean {
  return active('isFlagSet').flags.has(flag);
}

/** The flags set in the current dispatch, sorted. */
export function getFlags(): string[] {
  return active('getFlags').flags.list();
}

/**
 * Registers a trigger for the rest of the current dispatch (triggers are not persisted; declare
 * them on every hook, or with `HandlerRegistry.addTrigger` so each dispatch installs them first).
 */
export function registerTrigger(trigger: TriggerDefinition): void {
  active('registerTrigger').flags.registerTrigger(trigger);
}
