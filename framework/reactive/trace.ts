/** Where in a dispatch an event happened: the hook phase, or reactive iteration `n` (from 0). */
export type TraceIteration = 'hook' | number;

/**
 * One event of a dispatch trace, a discriminated union on `type`. Tests assert on sequences of
 * these; `rxcharm trace` prints them.
 */
export type TraceEvent =
  | { readonly type: 'phase.start'; readonly phase: 'hook' | 'reactive'; readonly hook: string }
  /**
   * A reactive iteration starts; `candidates` handlers will be tested. From iteration 1 on,
   * `changed` lists the flags that changed in the previous iteration (they chose the candidates);
   * a flag cleared and set again (or set and cleared) counts, although it ended where it started.
   */
  | {
      readonly type: 'iteration.start';
      readonly iteration: number;
      readonly candidates: number;
      readonly changed?: readonly string[];
    }
  /** A handler's conditions were evaluated; `unmet` names each condition that failed. */
  | {
      readonly type: 'handler.tested';
      readonly iteration: TraceIteration;
      readonly handler: string;
      readonly passed: boolean;
      readonly unmet: readonly string[];
    }
  /**
   * A queued handler left the queue: a flag change made it false (recorded right after the handler
   * whose change did it), or a non-flag condition (a watched file) no longer held at its turn.
   */
  | {
      readonly type: 'handler.skipped';
      readonly iteration: TraceIteration;
      readonly handler: string;
      readonly unmet: readonly string[];
    }
  | { readonly type: 'handler.invoked'; readonly iteration: TraceIteration; readonly handler: string }
  | {
      readonly type: 'handler.failed';
      readonly iteration: TraceIteration;
      readonly handler: string;
      readonly error: string;
    }
  /** A real flag transition; `cause` is the handler id, `'trigger'` or `'runtime'`. */
  | {
      readonly type: 'flag.set' | 'flag.cleared';
      readonly iteration: TraceIteration;
      readonly flag: string;
      readonly cause: string;
      /** For trigger changes: the handler id (or `'runtime'`) whose change fired the trigger. */
      readonly origin?: string;
      /** For trigger changes: the transition that fired it, e.g. `when:a`. */
      readonly trigger?: string;
    };

/** What one `Dispatcher.dispatch(hook)` did. */
export interface DispatchResult {
  readonly hook: string;
  /** Handler ids in invocation order (hook phase first). */
  readonly invoked: string[];
  /** The flags set at the end, sorted. */
  readonly flags: string[];
  /** Number of reactive iterations that invoked or skipped at least one queued handler. */
  readonly iterations: number;
  /** Every event, in order (empty if tracing was turned off). */
  readonly trace: TraceEvent[];
}
