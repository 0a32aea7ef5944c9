/**
 * `rxcharm`: the API of charm authors. Handlers and their conditions, flags, the `Charm` base
 * class, endpoints and relation data, templating, status and the unit's key-value store, with the
 * errors a charm may catch.
 *
 * Stability: the names below are public API. Other entry points: `rxcharm/compose` (the compose
 * engine and Docker client), `rxcharm/testing` (the test harness). Everything else under
 * `framework/` is internal: the build, the agent, the CLI and the engine's inner parts.
 *
 * @example
 * ```ts
 * import { Charm, render, when, whenNot } from 'rxcharm';
 * export class Hello extends Charm {
 *   @when('config.changed')
 *   async configure(): Promise<void> {
 *     await this.status.active('ready');
 *   }
 * }
 * ```
 */

// Errors shared by every folder (a built charm bundles its own copy: test with the guard).
export { RxcharmError, isRxcharmError } from './errors';
export type { ErrorContext, RxcharmErrorOptions } from './errors';

// Flags and handler conditions.
export {
  setFlag,
  clearFlag,
  toggleFlag,
  isFlagSet,
  getFlags,
  registerTrigger,
  when,
  whenAll,
  whenNot,
  whenNone,
  whenAny,
  whenNotAll,
  hook,
  action,
  whenFileChanged,
  onlyOnce,
  notUnless,
  defineHandler,
  isHandlerDefinition,
  NoActiveDispatchError,
  HandlerDefinitionError,
  PreconditionError,
  HandlerError,
  DispatchLoopError,
} from './reactive';
export type {
  HandlerDecorator,
  HandlerConditions,
  HandlerDefinition,
  HandlerDefinitionInput,
  DispatchResult,
  TraceEvent,
  TraceIteration,
} from './reactive';

// The unit's key-value store.
export { KeyValueStore, InvalidFlagError, InvalidTriggerError, KvValueError } from './unit';
export type { JsonValue, TriggerDefinition } from './unit';

// The charm, its hook, layer options and status.
export {
  Charm,
  currentHook,
  layerOption,
  readLayerOption,
  PortBuffer,
  reportDataProblems,
  connectedEndpoint,
  ActionNotImplementedError,
  CharmMetadataError,
  LayerOptionError,
  NoActiveHookError,
} from './runtime';
export type { ActionHelper, HookRuntime, StatusHelper, CharmMetadata, EndpointReading } from './runtime';
/** The Docker client a hook gets as `this.docker` (`rxcharm/compose` has the engine that uses it). */
export type { DockerClient } from './charm/docker-client';

// The hook context, config and the hook tools' errors.
export {
  Config,
  HookEnvError,
  HookToolError,
  HookToolPermissionError,
  RelationNotFoundError,
  UnitNotFoundError,
  InvalidPortError,
  ConfigValueError,
  UnknownConfigKeyError,
} from './hookenv';
export type {
  HookContext,
  HookEnv,
  HookKind,
  HookTools,
  HookLogger,
  JujuLogLevel,
  NetworkInfo,
  PortProtocol,
  PortSpec,
  RelationData,
  StatusInfo,
  StatusName,
  ConfigOptionType,
  ConfigOptionValue,
} from './hookenv';

// Endpoints: interface roles, relations and their data.
export {
  Endpoint,
  Relation,
  RelatedUnit,
  ReceivedBag,
  PublishBag,
  relationPort,
  relationText,
  remoteApplicationOf,
  EndpointNotFoundError,
  MalformedRelationDataError,
  NotLeaderError,
} from './endpoints';
export type {
  EndpointClass,
  EndpointInit,
  BagOrigin,
  DepartedUnit,
  EndpointRole,
  EndpointSnapshot,
  RelationSnapshot,
  DataProblem,
  RemoteUnitData,
} from './endpoints';

// Templating: the folder's whole public face is the authors'.
export * from './templating';
