import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { bundleCharm, type CharmBundler } from './bundle-charm';
import { BUNDLE_FILE, BUNDLE_MAP_FILE, LOADER_FILE, UNIT_STATE_DIR } from '../charm';
import { bundleEntrySource } from './bundle-entry';
import {
  diffManifests,
  manifestConflicts,
  MANIFEST_FILE,
  readManifest,
  sha256,
  type BuildChanges,
  type BuildManifest,
  type ManifestEntry,
} from './build-manifest';
import { CharmDirError, OutputModifiedError } from './errors';
import { planCharm, type OutputFile } from './plan-charm';
import { resolveLayers, type LayerStack } from './resolve-layers';
import { findPackageRoot, type LayerSearchPath } from './search-path';

/** Options of {@link buildCharm}. */
export interface BuildOptions {
  /** The top layer's directory. */
  readonly layerDir: string;
  /** The charm directory to write; default `<cwd>/build/<charm name>`. */
  readonly outputDir?: string;
  /** Where `layer:X` / `interface:X` are found (see `searchPathFromEnv`). */
  readonly searchPath: LayerSearchPath;
  /** Overwrite an output directory that was edited by hand (or is not a previous build). */
  readonly force?: boolean;
  /** Base directory for the default output (default `process.cwd()`). */
  readonly cwd?: string;
  /** The rxcharm package root (default: found from this file); gives `rxcharm` and `node_modules`. */
  readonly packageRoot?: string;
  /** Override of the `rxcharm` import target (default `<packageRoot>/framework/index.ts`). */
  readonly frameworkEntry?: string;
  /** The bundler (default {@link bundleCharm}; `rxcharm dev` passes one that keeps esbuild's context). */
  readonly bundler?: CharmBundler;
}

/** What a build produced. */
export interface BuildResult {
  readonly charmName: string;
  readonly outputDir: string;
  readonly stack: LayerStack;
  readonly manifest: BuildManifest;
  readonly changes: BuildChanges;
}

/**
 * Builds a charm from a layer: resolves and merges the layer stack, copies files, writes
 * `dispatch` and hook stubs, bundles the reactive code into `lib/charm.js`, and writes
 * `.build.manifest`. The charm is assembled in a temporary directory beside the target and
 * renamed into place, so a failure leaves the previous output (or nothing) behind.
 *
 * @throws LayerNotFoundError, IncludeCycleError, LayerFileError (file:line), LayerOptionsError,
 *   OutputModifiedError (hand edits, without `force`), BundleError, CharmDirError.
 * @example
 * ```ts
 * const result = await buildCharm({ layerDir: 'charms/voting-app', searchPath });
 * console.log(result.outputDir); // ./build/voting-app
 * ```
 */
export async function buildCharm(options: BuildOptions): Promise<BuildResult> {
  const packageRoot = options.packageRoot ?? findPackageRoot();
  const stack = resolveLayers(options.layerDir, options.searchPath);
  const plan = planCharm(stack);
  const outputDir = resolve(options.outputDir ?? join(options.cwd ?? process.cwd(), 'build', plan.merged.charmName));
  for (const layer of [...stack.layers, ...stack.interfaces]) {
    if (isInside(outputDir, layer.dir) && !isInside(outputDir, join(layer.dir, 'build'))) {
      throw new CharmDirError(
        outputDir,
        `the output directory is inside layer ${layer.name} (${layer.dir}); choose another -o`,
      );
    }
  }
  const previous = checkExistingOutput(outputDir, options.force === true);

  const bundle = await (options.bundler ?? bundleCharm)(
    bundleEntrySource(plan.entry),
    stack.layers[stack.layers.length - 1]?.dir ?? packageRoot,
    {
      framework: options.frameworkEntry ?? join(packageRoot, 'framework', 'index.ts'),
      layers: Object.fromEntries(stack.layers.map((layer) => [layer.name, layer.dir])),
      interfaces: Object.fromEntries(stack.interfaces.map((iface) => [iface.name, iface.dir])),
      nodePaths: [join(packageRoot, 'node_modules')],
    },
  );
  const files: OutputFile[] = [
    ...plan.files,
    { path: LOADER_FILE, layer: 'build', kind: 'dynamic', mode: 0o644, content: bundle.loader },
    { path: BUNDLE_FILE, layer: 'build', kind: 'dynamic', mode: 0o644, content: bundle.code },
    { path: BUNDLE_MAP_FILE, layer: 'build', kind: 'dynamic', mode: 0o644, content: bundle.map },
    ...bundle.vendor.map((file): OutputFile => ({
      path: file.path,
      layer: 'build',
      kind: 'dynamic',
      mode: 0o644,
      content: file.code,
    })),
  ];
  const manifest: BuildManifest = {
    version: 1,
    charm: plan.merged.charmName,
    layers: [...stack.layers, ...stack.interfaces].map((layer) => ({
      name: layer.name,
      kind: layer.kind,
      include: layer.include,
      dir: layer.dir,
    })),
    files: Object.fromEntries(
      files.map((file): [string, ManifestEntry] => [
        file.path,
        { layer: file.layer, kind: file.kind, sha256: sha256(file.content) },
      ]),
    ),
  };
  writeAtomically(outputDir, files, manifest);
  return { charmName: plan.merged.charmName, outputDir, stack, manifest, changes: diffManifests(previous, manifest) };
}

function checkExistingOutput(outputDir: string, force: boolean): BuildManifest | undefined {
  if (!existsSync(outputDir)) return undefined;
  if (!statSync(outputDir).isDirectory())
    throw new CharmDirError(outputDir, 'the output path exists and is not a directory');
  const previous = readManifest(outputDir);
  if (previous === undefined) {
    if (readdirSync(outputDir).length > 0 && !force) {
      throw new OutputModifiedError(outputDir, [`not a previous build: no ${MANIFEST_FILE}`]);
    }
    return undefined;
  }
  const conflicts = manifestConflicts(outputDir, previous);
  if (conflicts.length > 0 && !force) throw new OutputModifiedError(outputDir, conflicts);
  return previous;
}

function writeAtomically(outputDir: string, files: readonly OutputFile[], manifest: BuildManifest): void {
  const parent = dirname(outputDir);
  mkdirSync(parent, { recursive: true });
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const temp = join(parent, `.${basename(outputDir)}.tmp-${suffix}`);
  const old = join(parent, `.${basename(outputDir)}.old-${suffix}`);
  try {
    mkdirSync(temp);
    for (const file of files) {
      const target = join(temp, ...file.path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content, { mode: file.mode });
      chmodSync(target, file.mode); // the umask must not strip run bits
    }
    writeFileSync(join(temp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    // Unit state an agent keeps inside the charm dir survives rebuilds.
    const state = join(outputDir, UNIT_STATE_DIR);
    if (existsSync(state)) renameSync(state, join(temp, UNIT_STATE_DIR));
    if (existsSync(outputDir)) renameSync(outputDir, old);
    renameSync(temp, outputDir);
  } catch (error) {
    if (existsSync(old) && !existsSync(outputDir)) renameSync(old, outputDir);
    const movedState = join(temp, UNIT_STATE_DIR);
    if (existsSync(movedState) && existsSync(outputDir) && !existsSync(join(outputDir, UNIT_STATE_DIR)))
      renameSync(movedState, join(outputDir, UNIT_STATE_DIR));
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}
