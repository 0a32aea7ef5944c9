import type { HandlerConditions } from '../charm';

/** Where a class handler was declared: its layer and file. */
export interface HandlerSource {
  readonly layer: string;
  readonly file: string;
}

/**
 * A handler as the registry holds it: its conditions normalized (aliases merged into `whenAll`
 * and `whenNone`, placeholders expanded, every condition present, `hook` and `action` as `hooks`
 * and `actions`) plus its registration position. Passed to `resolveArgs`.
 */
export interface RegisteredHandler extends Required<
  Omit<HandlerConditions, 'when' | 'whenNot' | 'whenAny' | 'whenNotAll' | 'hook' | 'action'>
> {
  readonly id: string;
  /** Registration position; dispatch order within a phase or iteration. */
  readonly order: number;
  readonly source: HandlerSource | undefined;
  /** `hook` handlers (with `hook` or `action` conditions) run only in the hook phase. */
  readonly phase: 'hook' | 'reactive';
  /**
   * One group per `@whenAny` (or the `whenAny` list of a `defineHandler`): each group needs one of
   * its flags set. Stacked decorators are ANDed like every other condition, so
   * `@whenAny('a', 'b') @whenAny('c', 'd')` is (a or b) and (c or d).
   */
  readonly whenAny: ReadonlyArray<readonly string[]>;
  /** One group per `@whenNotAll` (or `whenNotAll` list): in each group, not every flag is set. */
  readonly whenNotAll: ReadonlyArray<readonly string[]>;
  /** The `hook` patterns. */
  readonly hooks: readonly string[];
  /** The `action` names. */
  readonly actions: readonly string[];
  /** Flags whose change makes the dispatcher re-test this handler (sorted, unique). */
  readonly watched: readonly string[];
  /** Calls the handler; `instances` caches class instances for one dispatch. */
  readonly invoke: (args: unknown[], instances: Map<object, object>) => unknown;
}
