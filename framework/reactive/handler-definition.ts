import type { HandlerConditions } from '../charm';
import { HandlerDefinitionError } from './reactive-errors';

export type { HandlerConditions };

const DEFINITION = Symbol.for('rxcharm.handler-definition');

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
