/**
 * Where things live in a charm directory: every path here is relative to the charm dir (Juju's
 * `JUJU_CHARM_DIR`, the local agent's unit `charm/` dir, the output of `rxcharm build`), with `/`
 * separators. The one place these names are spelled out: build writes them, the runtime, the
 * agent and the test harness read them.
 */

/** The charm's metadata (name, endpoints). */
export const METADATA_FILE = 'metadata.yaml';
/** The charm's config options. */
export const CONFIG_FILE = 'config.yaml';
/** The charm's actions. */
export const ACTIONS_FILE = 'actions.yaml';
/** The merged layer options (`rxcharm build` writes it). */
export const LAYER_FILE = 'layer.yaml';
/** What `rxcharm build` wrote, file by file, with the layer each came from. */
export const BUILD_MANIFEST_FILE = '.build.manifest';
/** The entry point an agent runs for every hook and action. */
export const DISPATCH_FILE = 'dispatch';
/** The charm's templates. */
export const TEMPLATES_DIR = 'templates';

/** The loader hooks run (`node lib/charm.js`): it compiles {@link BUNDLE_FILE} with a code cache. */
export const LOADER_FILE = 'lib/charm.js';
/** The charm's bundle: framework, layers, interfaces and the npm packages every hook uses. */
export const BUNDLE_FILE = 'lib/charm.bundle.js';
/** The bundle's source map, beside it and named after it. */
export const BUNDLE_MAP_FILE = `${BUNDLE_FILE}.map`;
/** Where a package bundled apart from the charm (loaded on first use) lives. */
export function vendorFile(name: string): string {
  return `lib/vendor/${name}.js`;
}

/**
 * The unit's own state: written by hooks, kept by rebuilds (`rxcharm build` moves it over),
 * never packed into a `.charm` and never part of the build's hand-edit check.
 */
export const UNIT_STATE_DIR = '.rxcharm';
/** The unit's flags, key-value store and config snapshot. */
export const UNIT_STATE_FILE = `${UNIT_STATE_DIR}/unit-state.json`;
/** The per-unit lock that serializes hooks. */
export const UNIT_LOCK_FILE = `${UNIT_STATE_DIR}/unit.lock`;
/** One JSON file per hook (`<n, 6 digits>-<hook>.json`), read by `rxcharm trace`. */
export const HOOK_TRACE_DIR = `${UNIT_STATE_DIR}/traces`;
/** metadata.yaml and config.yaml parsed, with the texts they came from. */
export const CHARM_FILES_CACHE = `${UNIT_STATE_DIR}/charm-files.json`;
/** The V8 code cache of {@link BUNDLE_FILE}. */
export const CODE_CACHE_FILE = `${UNIT_STATE_DIR}/charm.bundle.js.cache`;
/** Present once `dispatch` installed the charm's apt packages. */
export const PACKAGES_INSTALLED_FILE = `${UNIT_STATE_DIR}/packages-installed`;

/**
 * Not in a charm dir: the local agent's model, relative to the directory the `rxcharm` commands
 * run in (when neither `--model` nor `RXCHARM_MODEL` names one).
 */
export const DEFAULT_MODEL_DIR = `${UNIT_STATE_DIR}/model`;

/** True for a charm-relative path inside the unit's state dir ({@link UNIT_STATE_DIR}). */
export function isUnitStatePath(path: string): boolean {
  return path === UNIT_STATE_DIR || path.startsWith(`${UNIT_STATE_DIR}/`);
}
