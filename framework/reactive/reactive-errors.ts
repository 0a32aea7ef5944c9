import { RxcharmError } from '../errors';
import type { DispatchResult } from './trace';

/** A flag function (`setFlag`, `isFlagSet`, ...) was called outside a running dispatch. */
export class NoActiveDispatchError extends RxcharmError {
  constructor(fn: string) {
    super(
      'NO_ACTIVE_DISPATCH',
      `no active dispatch: ${fn}()\nflag functions work only while a Dispatcher runs a hook (inside a handler or runInDispatchContext)`,
      { context: { function: fn } },
    );
  }
}

/** A handler declaration is malformed (bad id, duplicate id, unresolved `{placeholder}`...). */
export class HandlerDefinitionError extends RxcharmError {
  constructor(handler: string, reason: string) {
    super('HANDLER_DEFINITION', `handler invalid: ${handler}\n${reason}`, { context: { handler, reason } });
  }
}

/** `@notUnless(...flags)` found required flags unset when the method was called. */
export class PreconditionError extends RxcharmError {
  constructor(method: string, missing: string[]) {
    super('PRECONDITION', `precondition failed: ${method}\ncalled before flag(s) ${missing.join(', ')} were set`, {
      context: { method, missing },
    });
  }
}

/** A handler threw; the dispatch stopped there. `partial` holds the trace up to the failure. */
export class HandlerError extends RxcharmError {
  readonly handler: string;
  readonly partial: DispatchResult;
  constructor(handler: string, cause: unknown, partial: DispatchResult) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super('HANDLER_FAILED', `handler failed: ${handler}\nhook ${partial.hook}: ${why}`, {
      context: { handler, hook: partial.hook },
      cause,
    });
    this.handler = handler;
    this.partial = partial;
  }
}

/** The reactive phase did not settle within the loop limit. */
export class DispatchLoopError extends RxcharmError {
  readonly partial: DispatchResult;
  constructor(hook: string, limit: number, cycle: { handlers: string[]; flags: string[] }, partial: DispatchResult) {
    super(
      'DISPATCH_LOOP',
      `dispatch loop: hook ${hook} did not settle after ${limit} iterations\n` +
        `handlers still running: ${cycle.handlers.join(', ')}\n` +
        `flags changed in the last iteration: ${cycle.flags.join(', ') || '(none)'}`,
      { context: { hook, limit, cycle } },
    );
    this.partial = partial;
  }
}
