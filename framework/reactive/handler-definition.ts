import { HandlerDefinitionError } from './reactive-errors';

const DEFINITION = Symbol.for('rxcharm.handler-definition');

/** The conditions of a handler, as written by authors. Every given condition must hold (AND). */
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

/** A handler declared without a class: a stable id, its conditions and the function to run. */
export interface HandlerDefinitionInput extends HandlerConditions {
  /** Stable id, e.g. `my-layer:start`; used in traces, errors and `onlyOnce` marks. */
  readonly id: string;
  /** Receives the arguments from the dispatcher's `resolveArgs` (endpoint instances), if any. */
  readonly run: (...args: never[]) => unknown;
}

/** A validated, frozen handler declaration (what `defineHandler` returns). */
export interface HandlerDefinition extends HandlerDefinitionInput {
  readonly [DEFINITION]: true;
}

/**
 * Declares a handler programmatically; the decorators are sugar over the same conditions.
 *
 * @example
 * ```ts
 * export const start = defineHandler({
 *   id: 'app:start', when: ['docker.available'], whenNot: ['app.started'],
 *   run: () => setFlag('app.started'),
 * });
 * ```
 */
export function defineHandler(input: HandlerDefinitionInput): HandlerDefinition {
  validateHandlerInput(input);
  const out: Record<string, unknown> = { id: input.id, run: input.run };
  for (const key of LIST_KEYS) {
    const v = input[key];
    if (v !== undefined) out[key] = Object.freeze([...v]);
  }
  if (input.onlyOnce !== undefined) out.onlyOnce = input.onlyOnce === true;
  Object.defineProperty(out, DEFINITION, { value: true, enumerable: false });
  return Object.freeze(out) as unknown as HandlerDefinition;
}

const LIST_KEYS = [
  'when',
  'whenAll',
  'whenNot',
  'whenNone',
  'whenAny',
  'whenNotAll',
  'hook',
  'action',
  'fileChanged',
  'notUnless',
] as const;

/** Throws {@link HandlerDefinitionError} if `input` is not a valid handler declaration. */
export function validateHandlerInput(input: HandlerDefinitionInput): void {
  if (typeof input.id !== 'string' || input.id.trim().length === 0) {
    throw new HandlerDefinitionError(String(input.id), 'id must be a non-empty string');
  }
  if (typeof input.run !== 'function') throw new HandlerDefinitionError(input.id, 'run must be a function');
  for (const key of LIST_KEYS) {
    const v = input[key];
    if (v === undefined) continue;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.length === 0)) {
      throw new HandlerDefinitionError(input.id, `${key} must be a list of non-empty strings`);
    }
  }
  if (input.hook !== undefined && input.action !== undefined && input.hook.length > 0 && input.action.length > 0) {
    throw new HandlerDefinitionError(input.id, 'hook and action conditions can never hold together');
  }
}

/** True for values returned by {@link defineHandler} (from any copy of the framework). */
export function isHandlerDefinition(value: unknown): value is HandlerDefinition {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[DEFINITION] === true;
}
