/**
 * `runtime`: the `Charm` base class, the `run()` entry point of a built charm, and `runHook()`
 * (the same without touching the process, for the test harness).
 */
export { Charm, isCharmClass } from './charm';
export type { ActionHelper } from './charm';
export type { CharmBundle, CharmBundleInterface, CharmBundleModule } from './charm-bundle';
export { CharmFileError } from '../charm';
export { parseCharmMetadata } from '../charm';
export type { CharmEndpoint, CharmMetadata } from '../charm';
export { run } from './run';
export { runHook } from './run-hook';
export type { HookOutcome, RunHookDeps } from './run-hook';
export { failureReason } from './failure-reason';
export { currentHook, runInHook } from './hook-runtime';
export type { HookRuntime } from './hook-runtime';
export { layerOption, readLayerOption } from './layer-option';
export { PortBuffer } from './port-buffer';
export { createStatusHelper, SHOWN_STATUS_KEY } from './status-helper';
export type { CollectingStatusHelper, StatusHelper, WorkloadStatus } from './status-helper';
export { bindEndpoints, registerBundle } from './register-bundle';
export type { EndpointBinding } from './register-bundle';
export { ActionNotImplementedError, CharmMetadataError, LayerOptionError, NoActiveHookError } from './runtime-errors';
export { reportDataProblems } from './report-data-problems';
export { connectedEndpoint } from './connected-endpoint';
export type { EndpointReading } from './connected-endpoint';
