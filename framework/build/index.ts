/**
 * `framework/build`: turns a layer stack into a deployable charm, and lints it.
 *
 * Used by the `rxcharm build / proof / create / pack` commands and by the local agent (to build
 * a layer on deploy). Not part of the `rxcharm` runtime barrel: a built charm never contains it.
 * Stability: the functions below are public API; everything under `internal/` is not.
 *
 * @example
 * ```ts
 * import { buildCharm, findPackageRoot, proofCharm, searchPathFromEnv } from './framework/build';
 * const searchPath = searchPathFromEnv(process.env, findPackageRoot());
 * const { outputDir } = await buildCharm({ layerDir: 'charms/voting-app', searchPath });
 * const findings = proofCharm(outputDir, searchPath);
 * ```
 */
export {
  findPackageRoot,
  findProjectRoot,
  searchPathFromEnv,
  withProjectLayers,
  type LayerSearchPath,
} from './search-path';
export { findNpmLayers, npmLayerOf, type NpmLayer } from './npm-layers';
export { locateLayer } from './locate-layer';
export { resolveLayers, type LayerStack, type ResolvedLayer } from './resolve-layers';
export { deepMerge, deletePaths } from './deep-merge';
export { mergeLayers, type LayerDocuments, type MergedLayers } from './merge-layers';
export { validateLayerOptions, type LayerOptions } from './layer-options';
export { planFiles, DEFAULT_IGNORES, type PlannedFile } from './plan-files';
export { planCharm, loadLayerDocuments, type CharmPlan, type OutputFile } from './plan-charm';
export {
  STANDARD_HOOKS,
  RELATION_HOOK_KINDS,
  endpointsOf,
  hookNames,
  actionNames,
  hookStub,
  dispatchScript,
  type EndpointInfo,
  type DispatchOptions,
} from './hook-scripts';
export { frameworkAliases, FRAMEWORK_ALIAS_FILTER, INTERNAL_SPECIFIER, resolveCharmAliases } from './framework-aliases';
export type { CharmAliases } from './framework-aliases';
export { bundleEntrySource, type EntrySpec, type EntryModule, type EntryInterface } from './bundle-entry';
export { bundleCharm, type BundleAliases, type BundleOutput, type CharmBundler } from './bundle-charm';
export { VENDORED_PACKAGES } from './start-up-tuning';
export { vendorFile } from '../charm';
export { IncrementalBundler } from './incremental-bundler';
export {
  MANIFEST_FILE,
  readManifest,
  manifestConflicts,
  diffManifests,
  sha256,
  type BuildManifest,
  type ManifestEntry,
  type BuildChanges,
} from './build-manifest';
export { buildCharm, type BuildOptions, type BuildResult } from './build-charm';
export {
  proofCharm,
  proofFiles,
  formatFinding,
  proofExitCode,
  scanHandlers,
  templateKeys,
  type ProofFinding,
  type ProofSeverity,
  type ScannedHandler,
  type ScanResult,
  type FlagSite,
} from './proof';
export { createLayer, type CreateLayerOptions } from './create/create-layer';
export { createProject, type CreateProjectOptions, type CreateProjectResult } from './create/create-project';
export { projectManifest, projectFiles, type ProjectVersions } from './create/project-template';
export { packCharm, manifestYaml, CHARM_BASES, type PackOptions } from './pack-charm';
export {
  BuildError,
  LayerNotFoundError,
  LayerConflictError,
  IncludeCycleError,
  LayerFileError,
  LayerOptionsError,
  OutputModifiedError,
  BundleError,
  CharmDirError,
} from './errors';
