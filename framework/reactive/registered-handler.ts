/** Where a class handler was declared: its layer and file. */
export interface HandlerSource {
  readonly layer: string;
  readonly file: string;
}

/**
 * A handler as the registry holds it: normalized conditions (aliases merged, placeholders
 * expanded) plus its registration position. Passed to `resolveArgs`.
 */
export interface RegisteredHandler {
  readonly id: string;
  /** Registration position; dispatch order within a phase or iteration. */
  readonly order: number;
  readonly source: HandlerSource | undefined;
  /** `hook` handlers (with `hook` or `action` conditions) run only in the hook phase. */
  readonly phase: 'hook' | 'reactive';
  readonly whenAll: readonly string[];
  readonly whenNone: readonly string[];
  readonly whenAny: readonly string[];
  readonly whenNotAll: readonly string[];
  readonly hooks: readonly string[];
  readonly actions: readonly string[];
  readonly fileChanged: readonly string[];
  readonly onlyOnce: boolean;
  readonly notUnless: readonly string[];
  /** Flags whose change makes the dispatcher re-test this handler (sorted, unique). */
  readonly watched: readonly string[];
  /** Calls the handler; `instances` caches class instances for one dispatch. */
  readonly invoke: (args: unknown[], instances: Map<object, object>) => unknown;
}
