/**
 * The contracts of docs/architecture.md as compiled TypeScript: each region is quoted in the
 * page, and below it the real exports are checked against it in both directions, so the page
 * cannot drift from the code. contracts.check.test.ts exercises them at run time.
 */
import * as rxcharm from 'rxcharm';
import { Charm, Endpoint, action, defineHandler, hook, setFlag, when, whenNot, type DispatchResult as RealDispatchResult, type EndpointInit, type JsonValue, type KeyValueStore, type TraceEvent } from 'rxcharm';
import { Dispatcher, type CharmBundle as RealCharmBundle, type CommitPatch, type DispatcherOptions, type EndpointRoles, type FlagSet, type HandlerRegistry, type RegisteredHandler, type UnitState as RealUnitState, type UnitStore as RealUnitStore } from 'rxcharm/testing';
import * as testing from 'rxcharm/testing';
import type { HookTools } from 'rxcharm';
import type { DockerClient } from 'rxcharm/compose';
import type { DockerAction, EventInput, FailedRunRecords, FakeDockerState, FlagGraph, HarnessEvent, LogRecord, PublishedRecord, State, StateInput, StatusRecord, ToolWorld } from 'rxcharm/testing';
import * as http from 'interface:http';
import * as pgsql from 'interface:pgsql';
import * as redis from 'interface:redis';
import * as build from '../../../framework/build';
import * as unit from '../../../framework/unit';
import type { BuildResult, CharmPlan, LayerDocuments, LayerSearchPath, LayerStack, MergedLayers, ProofFinding } from '../../../framework/build';

/** `true` only when each type is assignable to the other. */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Every member of `Contract` exists on `Real` and the two are assignable both ways. */
type Implements<Real, Contract> = [Real] extends [Contract] ? { [K in keyof Contract]: K extends keyof Real ? Mutual<Real[K], Contract[K]> : false } : { notAssignable: false };
/** Compiles only when every entry is `true`. */
type AllTrue<T> = T extends Record<string, true> ? true : false;

// #region flag-functions
interface FlagFunctions {
  setFlag(flag: string): void;
  clearFlag(flag: string): void;
  toggleFlag(flag: string, value?: boolean): void;
  isFlagSet(flag: string): boolean;
  getFlags(): string[]; // sorted
  registerTrigger(trigger: { when?: string; whenNot?: string; setFlag?: string; clearFlag?: string }): void;
}
// #endregion
export const flagFunctions: FlagFunctions = rxcharm;
export const flagFunctionsMatch: AllTrue<Implements<typeof rxcharm, FlagFunctions>> = true;

// #region declaring-handlers
class MyCharm extends Charm {
  @when('docker.available') @whenNot('app.started')
  start(): void { this.setFlag('app.started'); }
  @hook('{requires:redis}-relation-{joined,changed}') onRedis(): void { this.log.info('redis changed'); }
  @action('backup') backup(): void { this.log.info('backing up'); }
}
const h = defineHandler({ id: 'my-layer:start', when: ['a'], whenNot: ['b'], hook: ['install'],
                          whenAny: ['c', 'd'], whenNotAll: ['c', 'e'], fileChanged: ['/etc/app.conf'], onlyOnce: true,
                          notUnless: ['a'], run: (...endpointArgs: Endpoint[]) => { setFlag(`ran-with-${endpointArgs.length}-args`); } });
// #endregion
export { MyCharm, h };

// #region dispatcher
interface DispatcherContract {
  new (options: { registry: HandlerRegistry; flags: FlagSet; kv: KeyValueStore; endpoints?: EndpointRoles;
                  loopLimit?: number; readFile?: (path: string) => Buffer | undefined;
                  resolveArgs?: (handler: RegisteredHandler) => unknown[] }): { dispatch(hookName: string): Promise<DispatchResult> };
}
interface DispatchResult { hook: string; invoked: string[]; flags: string[]; iterations: number; trace: TraceEvent[] }
// #endregion
export const dispatcher: DispatcherContract = Dispatcher;
export const dispatcherMatches: [
  Mutual<RealDispatchResult, DispatchResult>,
  Mutual<DispatcherOptions, ConstructorParameters<DispatcherContract>[0] & { trace?: boolean }>,
] = [true, true];

// #region unit-state
interface UnitState { version: 1; flags: string[]; kv: Record<string, JsonValue>;
                      config: Record<string, JsonValue> | null /* snapshot of last successful hook */ }
interface UnitStore { load(): UnitState; save(state: UnitState): void }   // FileUnitStore, MemoryUnitStore
interface UnitFunctions {
  beginTransaction(store: UnitStore): { flags: FlagSet; kv: KeyValueStore; commit(patch?: CommitPatch): void; rollback(): void };
  withUnitLock<T>(unitDir: string, fn: () => Promise<T> | T, options?: { timeoutMs?: number }): Promise<T>;
}
// #endregion
export const unitFunctions: UnitFunctions = unit;
export const unitMatches: [Mutual<RealUnitState, UnitState>, Mutual<RealUnitStore, UnitStore>] = [true, true];

// #region interface-package
// interfaces/<name>/index.ts exports its Endpoint classes under the role names, e.g. interfaces/redis:
//   export class RedisRequires extends Endpoint { ... }   (and RedisProvides)
//   export const requires = RedisRequires; export const provides = RedisProvides;
interface InterfacePackage {
  requires?: new (init: EndpointInit) => Endpoint;
  provides?: new (init: EndpointInit) => Endpoint;
  peers?: new (init: EndpointInit) => Endpoint;
}
// #endregion
export const interfacePackages: Readonly<Record<string, InterfacePackage>> = { redis, pgsql, http };

// #region charm-bundle
interface CharmBundle {
  charmName: string;
  modules: ReadonlyArray<{ layer: string; file: string; exports: Record<string, unknown> }>; // layer order, then file
  interfaces: ReadonlyArray<{ name: string; exports: Record<string, unknown> }>;           // requires/provides/peers
  layerOptions: Record<string, Record<string, unknown>>;
}
// #endregion
export const charmBundleMatches: Mutual<RealCharmBundle, CharmBundle> = true;

// #region build-api
interface BuildApi {
  searchPathFromEnv(env: Record<string, string | undefined>, packageRoot: string): LayerSearchPath; // CLI edge only
  findPackageRoot(from?: string): string;
  resolveLayers(topDir: string, searchPath: LayerSearchPath): LayerStack; // { layers (build order, top last), interfaces }
  mergeLayers(docs: readonly LayerDocuments[]): MergedLayers; // pure: { charmName, metadata, config, actions, layerYaml, layerOptions }
  planCharm(stack: LayerStack): CharmPlan;            // reads layer files, writes nothing
  buildCharm(options: { layerDir: string; outputDir?: string; searchPath: LayerSearchPath; force?: boolean;
                        packageRoot?: string; frameworkEntry?: string }): Promise<BuildResult>;
  proofCharm(dir: string, searchPath: LayerSearchPath): ProofFinding[]; // { severity: 'E'|'W'|'I'; file; message }
  proofFiles(files: ReadonlyMap<string, string>): ProofFinding[];      // pure core of proof
  createLayer(name: string, options?: { dir?: string }): string;
  packCharm(charmDir: string, options?: { output?: string; cwd?: string }): Promise<string>;
}
// #endregion
export const buildApi: BuildApi = build;
export const buildApiMatches: AllTrue<Implements<typeof build, BuildApi>> = true;

// #region testing-api
interface TestingApi {
  Context: new (charmOrLayerDir: string, options?: ContextOptions) => {
    run(event: EventInput, state?: StateInput): Promise<RunOutput>; // serialized per context
    runStory(events: readonly EventInput[], state?: StateInput): Promise<RunOutput[]>;
    dispose(): Promise<void>;
  };
  state(partial?: StateInput): State; // frozen, defaults filled in; relation(partial) likewise
  relationJoined(endpoint: string, remoteUnit?: string, options?: { relationId?: string | number }): HarnessEvent; // also Created, Changed, Departed, Broken
  action(name: string, params?: Record<string, unknown>): HarnessEvent;
  InconsistentStateError: new (event: string, problems: readonly string[]) => Error & { problems: readonly string[] }; // bad test set-up
  UncaughtHandlerError: new (...args: never[]) => Error & { handler: string | undefined; records: FailedRunRecords }; // charm failed; nothing committed
  FakeDockerClient: new (initial?: Partial<FakeDockerState>) => DockerClient; // in-memory daemon
  recordingDockerClient(inner: DockerClient, record: (action: DockerAction) => void, nameOf?: (id: string) => string): DockerClient;
  FakeHookTools: new (world: ToolWorld, event: HarnessEvent, eventRelationId?: string) => HookTools;
  charmGraph(dir: string): Promise<FlagGraph>; // { handlers, flags, edges }
  renderDot(graph: FlagGraph): string;
  renderMermaid(graph: FlagGraph): string;
  renderSvg(graph: FlagGraph): string;
}
interface ContextOptions { searchPath?: Partial<LayerSearchPath>; packageRoot?: string; docker?: DockerClient; logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' }
interface RunOutput {
  state: State; hook: string; invoked: readonly string[]; statusHistory: readonly StatusRecord[]; published: readonly PublishedRecord[];
  logs: readonly LogRecord[]; trace: readonly TraceEvent[]; dockerActions: readonly DockerAction[];
  actionResults: Record<string, unknown>; actionFailure?: string; applicationVersion?: string;
}
// #endregion
export const testingApi: TestingApi = testing;
export const testingMatches: [Mutual<testing.RunOutput, RunOutput>, Mutual<testing.ContextOptions, ContextOptions>] = [true, true];
