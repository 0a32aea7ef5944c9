/**
 * `framework/dev`: the charm author's live loop (`rxcharm dev`).
 *
 * Who uses it: the `rxcharm dev` command, and benchmarks or tests that drive the loop
 * in-process. A {@link DevSession} keeps one application of a local model in step with a
 * layer: type check and incremental build on every save, refresh, and per hook what changed in
 * the dispatch. Stability: experimental; the names below are the public API.
 */
export { DevSession, type DevCycle, type DevSessionOptions } from './dev-session';
export { diffDispatch, formatDispatchDiff, type DispatchDiff } from './dispatch-diff';
export { diffsSince, lastTraceNumber } from './unit-traces';
export { formatCycle } from './format-cycle';
export { LayerTypeChecker, layerSourceFiles } from './layer-type-checker';
export { LayerWatcher, type LayerWatcherOptions } from './layer-watcher';
export { TypeCheckError, formatTypeDiagnostic, type TypeDiagnostic } from './errors';
export { unitSnapshot, secretPlaceholder, type UnitSnapshot } from './unit-snapshot';
export { readUnitSnapshot, type LiveUnitSnapshot } from './read-unit-snapshot';
export { snapshotTest, type SnapshotTestInput } from './snapshot-test';
export { ModelServer, type ModelServerOptions } from './ui/model-server';
export { readModelView, type ModelView, type ApplicationView, type UnitView, type TraceView } from './ui/model-view';
