/**
 * `rxcharm/testing`: the state-in → state-out test harness for charm authors.
 *
 * Who uses it: tests of layers and charms (jest or any runner). Build a {@link Context} on a
 * layer or charm directory, describe the unit with a plain {@link State} object, run a hook or a
 * story of hooks, and assert on the new state, the status history, the published relation data,
 * the logs, the dispatch trace and the Docker calls. The charm runs through the real runtime and
 * reactive engine; only Juju (the hook tools) and Docker are simulated. Guide: docs/testing.md.
 *
 * Stability: the names below are public API.
 *
 * @example
 * ```ts
 * import { Context, relationJoined } from 'rxcharm/testing';
 * const ctx = new Context('charms/voting-app');
 * const out = await ctx.run(relationJoined('redis', 'redis/0'), {
 *   relations: [{ endpoint: 'redis', remoteUnits: { 'redis/0': { host: '10.0.0.7', port: '6379' } } }],
 * });
 * out.state.files['files/voting-app/docker-compose.yml']; // rendered without the redis service
 * ```
 */
/** The harness. */
export { Context } from './context';
export type { ContextOptions } from './context';
export type { RunOutput } from './run-output';
export type { LogRecord, PublishedRecord, RunRecords, StatusRecord } from './run-records';
/** States: plain immutable objects, with helpers that fill in defaults. */
export { relation, relationId, state } from './state';
export type { ConfigValue, DataBag, RelationInput, RelationState, State, StateInput, StatusState } from './state';
/** Events: hook names or these helpers (the relation ones in lifecycle order). */
export { relationCreated, relationJoined, relationChanged, relationDeparted, relationBroken } from './events';
export { action, toEvent } from './events';
export type { EventInput, HarnessEvent, RelationEventOptions, RelationHookKind } from './events';
/** Consistency of a state and an event with the charm's declarations. */
export { consistencyProblems } from './consistency';
export type { CharmSpec } from './charm-spec';
/** Loading a charm for the harness (done by `Context`; exposed for tools). */
export { loadCharm } from './load-charm';
export type { LoadCharmOptions, LoadedCharm } from './load-charm';
/** Fakes usable on their own. */
export { FakeHookTools } from './fake-hook-tools';
export type { ToolRecords, ToolWorld } from './fake-hook-tools';
export { FakeDockerClient } from './docker/fake-docker-client';
export { emptyDockerState } from './docker/fake-docker-state';
export type { FakeContainer, FakeDockerState } from './docker/fake-docker-state';
export { recordingDockerClient } from './docker/recording-docker-client';
export { formatDockerAction } from './docker/docker-action';
export type { DockerAction } from './docker/docker-action';
/** Errors. */
export { HarnessLoadError, InconsistentStateError, UncaughtHandlerError } from './errors';
export type { FailedRunRecords } from './errors';
/** The flag graph of a charm (what `rxcharm graph` draws). */
export { charmGraph, flagGraphOf } from './graph/flag-graph';
export type { FlagGraph, GraphEdge, GraphEdgeKind, GraphFlag, GraphHandler } from './graph/flag-graph';
export { renderDot, renderMermaid } from './graph/render-text';
export { renderSvg, rankNodes } from './graph/render-svg';
export { scanEffects } from './graph/scan-effects';
export type { FileEffects, MethodEffects } from './graph/scan-effects';
/**
 * The engine's parts, for unit tests of one endpoint or handler class without a charm directory:
 * run a {@link Dispatcher} over a {@link HandlerRegistry}, a {@link FlagSet} and a key-value store,
 * with the automatic endpoint flags of {@link endpointFlagPlan}. Prefer {@link Context} for charms.
 */
export { Dispatcher, HandlerRegistry, runInDispatchContext, fileHashKey, onlyOnceKey } from '../reactive';
export type { DispatcherOptions, EndpointRoles, RegisteredHandler, HandlerSource, AddClassOptions } from '../reactive';
export { FlagSet, MemoryUnitStore, emptyUnitState } from '../unit';
export type { CommitPatch, UnitState, UnitStore, FlagChange, FlagCause } from '../unit';
export { endpointFlagPlan } from '../endpoints';
export type { EndpointFlagInput, EndpointFlagPlan, EndpointHashes } from '../endpoints';
export { endpointHookRunner, runEndpointHook, relationSnapshot } from './endpoint-hook';
export type { EndpointHookOptions, EndpointHookState } from './endpoint-hook';
export type { CharmBundle, CharmBundleInterface, CharmBundleModule } from '../runtime';
