/**
 * The reactive engine: flags, handler conditions (decorators and `defineHandler`), the handler
 * registry and the dispatcher with its typed trace. Rules: docs/reactive.md.
 */
/** Flag functions acting on the current dispatch (throw {@link NoActiveDispatchError} outside one). */
export { setFlag, clearFlag, toggleFlag, isFlagSet, getFlags, registerTrigger } from './flags';
/** Running code with a flag set as the current dispatch (runtime set-up, tests). */
export { runInDispatchContext } from './dispatch-context';
/** Condition decorators (TC39 standard method decorators; stacked = AND). */
export * from './decorators';
/** Programmatic handler declarations. */
export { defineHandler, isHandlerDefinition } from './handler-definition';
export type { HandlerConditions, HandlerDefinition, HandlerDefinitionInput } from './handler-definition';
/** The registry and its normalized handlers. */
export { HandlerRegistry } from './handler-registry';
export type { AddClassOptions, HandlerIndex } from './handler-registry';
export type { HandlerSource, RegisteredHandler } from './registered-handler';
/** Hook patterns and endpoint roles. */
export { compileHookPattern, matchesHook } from './hook-pattern';
export type { EndpointRoles } from './endpoint-roles';
/** Pure condition evaluation and the kv keys of the marks. */
export { unmetConditions, conditionsHold, onlyOnceKey, fileHashKey } from './conditions';
export type { ConditionEnv } from './conditions';
/** The dispatcher. */
export { Dispatcher, nextCandidates } from './dispatcher';
export type { DispatcherOptions } from './dispatcher';
export type { DispatchResult, TraceEvent, TraceIteration } from './trace';
/** Errors. */
export {
  NoActiveDispatchError,
  HandlerDefinitionError,
  PreconditionError,
  HandlerError,
  DispatchLoopError,
} from './reactive-errors';
