/**
 * The conditions of a reactive handler, as written by authors (decorators or `defineHandler`).
 * Every given condition must hold (AND). On the ground floor because two floors describe handlers
 * with them: `reactive` (the registry, which normalizes them) and `build` (proof's static scan).
 */
export interface HandlerConditions {
  /** All of these flags are set (alias: `whenAll`). */
  readonly when?: readonly string[];
  readonly whenAll?: readonly string[];
  /** None of these flags is set (alias: `whenNone`). */
  readonly whenNot?: readonly string[];
  readonly whenNone?: readonly string[];
  /** At least one of these flags is set. */
  readonly whenAny?: readonly string[];
  /** Not all of these flags are set. */
  readonly whenNotAll?: readonly string[];
  /** The hook matches one of these patterns; such a handler runs only in the hook phase. */
  readonly hook?: readonly string[];
  /** The hook is the action `name` (hook name `action:<name>`); runs only in the hook phase. */
  readonly action?: readonly string[];
  /** One of these files changed since the handler last ran (first sight of a file counts). */
  readonly fileChanged?: readonly string[];
  /** The handler never ran successfully on this unit. */
  readonly onlyOnce?: boolean;
  /** Not a condition but an assertion: invoking the handler with one of these unset fails the hook. */
  readonly notUnless?: readonly string[];
}
