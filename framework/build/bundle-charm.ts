import { build, type BuildOptions, type BuildResult, type Plugin } from 'esbuild';
import {
  charmLoaderModule,
  charmLoaderSource,
  lazyBuiltinsPlugin,
  startUpPlugins,
  vendorImport,
  VENDORED_PACKAGES,
} from './start-up-tuning';
import { MIN_NODE_MAJOR } from './hook-scripts';
import { BundleError } from './errors';
import { resolveCharmAliases, type CharmAliases } from './framework-aliases';
import { vendorFile } from '../charm';

/** Where the bundler finds `rxcharm`, `rxcharm/compose`, `layer:<name>` and `interface:<name>`. */
export interface BundleAliases extends CharmAliases {
  /** Extra `node_modules` directories for bare imports (the rxcharm package's own). */
  readonly nodePaths: readonly string[];
}

/** The bundled charm: the loader `lib/charm.js`, the bundle `lib/charm.bundle.js`, its source map and the vendored packages. */
export interface BundleOutput {
  /** `lib/charm.js` (see {@link charmLoaderSource}). */
  readonly loader: Uint8Array;
  /** The bundle: CommonJS, runnable on its own beside `vendor/`; no `node_modules` needed. */
  readonly code: Uint8Array;
  readonly map: Uint8Array;
  /** `lib/vendor/<name>.js` files (see {@link VENDORED_PACKAGES}), only those the bundle uses. */
  readonly vendor: ReadonlyArray<{ readonly path: string; readonly code: Uint8Array }>;
}

/**
 * Bundles a generated entry into one self-contained CommonJS file for Node 20: no
 * `node_modules` needed at run time. The file is the bundle wrapped in the code-cache loader
 * ({@link charmLoaderSource}); the map is the bundle's. Native addons (`*.node`) stay external; dependencies that
 * load them optionally (dockerode's ssh2) fall back at run time as they do unbundled.
 *
 * @throws BundleError listing esbuild's messages (file:line: text).
 */
export async function bundleCharm(
  entrySource: string,
  resolveDir: string,
  aliases: BundleAliases,
): Promise<BundleOutput> {
  try {
    return await bundleOutput(await build(charmBundleOptions(entrySource, resolveDir, aliases)), resolveDir, aliases);
  } catch (error) {
    throw asBundleError(error);
  }
}

/** A bundler with {@link bundleCharm}'s signature (`buildCharm` takes another, e.g. an incremental one). */
export type CharmBundler = typeof bundleCharm;

/** The esbuild options {@link bundleCharm} uses (an incremental bundler keeps a context with them). */
export function charmBundleOptions(
  entrySource: string,
  resolveDir: string,
  aliases: BundleAliases,
): BuildOptions & { write: false; metafile: true } {
  return {
    stdin: { contents: entrySource, resolveDir, loader: 'ts', sourcefile: 'rxcharm-entry.ts' },
    bundle: true,
    platform: 'node',
    target: `node${MIN_NODE_MAJOR}`,
    format: 'cjs',
    write: false,
    outfile: 'lib/charm.bundle.js',
    // No sourceMappingURL comment: the loader maps stack frames itself, and only on demand.
    sourcemap: 'external',
    // Stack traces need the mappings only; the sources themselves stay out of the charm.
    sourcesContent: false,
    // TC39 decorators whatever tsconfig.json a layer carries (experimentalDecorators would
    // compile the legacy form the runtime does not understand); aliases come from the plugin.
    tsconfigRaw: { compilerOptions: { experimentalDecorators: false } },
    external: ['*.node'],
    nodePaths: [...aliases.nodePaths],
    plugins: [aliasPlugin(aliases), ...startUpPlugins()],
    // The loader runs the bundle through vm.Script, which has no dynamic import(): the lazily
    // loaded vendored packages must be plain requires.
    supported: { 'dynamic-import': false },
    logLevel: 'silent',
    legalComments: 'none',
    // Handler ids use class names: keep them even where bundling renames a clashing class.
    keepNames: true,
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    metafile: true,
  };
}

/** Turns esbuild's result for {@link charmBundleOptions} into the charm's files. @throws BundleError */
export async function bundleOutput(
  result: BuildResult<{ write: false; metafile: true }>,
  resolveDir: string,
  aliases: BundleAliases,
): Promise<BundleOutput> {
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'));
  const map = result.outputFiles.find((file) => file.path.endsWith('.js.map'));
  if (code === undefined || map === undefined) throw new BundleError(['esbuild produced no output']);
  const used = VENDORED_PACKAGES.filter((name) =>
    Object.values(result.metafile.outputs).some((out) => out.imports.some((i) => i.path === vendorImport(name))),
  );
  const vendor = await Promise.all(
    used.map(async (name) => ({
      path: vendorFile(name),
      code: await bundleVendor(name, aliases.nodePaths, resolveDir),
    })),
  );
  // lib/charm.js is a loader compiling the bundle with a V8 code cache (see start-up-tuning.ts).
  return {
    loader: new TextEncoder().encode(charmLoaderSource(code.text, charmLoaderModule())),
    code: code.contents,
    map: map.contents,
    vendor,
  };
}

/** esbuild's failure (messages with file:line:column) as a BundleError; a BundleError passes through. */
export function asBundleError(error: unknown): BundleError {
  if (error instanceof BundleError) return error;
  const errors = (
    error as { errors?: Array<{ text: string; location?: { file: string; line: number; column: number } | null }> }
  ).errors;
  const messages = errors?.map((e) =>
    e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}` : e.text,
  ) ?? [String(error)];
  return new BundleError(messages, error);
}

/** Vendored bundles by the package entry file they wrap: every charm a process builds shares them. */
const vendorBundles = new Map<string, Promise<Uint8Array>>();

function bundleVendor(name: string, nodePaths: readonly string[], resolveDir: string): Promise<Uint8Array> {
  let entry: string;
  try {
    entry = require.resolve(name, { paths: [resolveDir, ...nodePaths] });
  } catch (error) {
    return Promise.reject(
      new BundleError([`cannot find package ${name} (needed by the charm) from ${resolveDir}`], error),
    );
  }
  let pending = vendorBundles.get(entry);
  if (pending === undefined) {
    pending = build({
      stdin: {
        contents: `module.exports = require(${JSON.stringify(entry)});`,
        resolveDir,
        loader: 'js',
        sourcefile: `vendor-${name}.js`,
      },
      bundle: true,
      platform: 'node',
      target: `node${MIN_NODE_MAJOR}`,
      format: 'cjs',
      write: false,
      outfile: vendorFile(name),
      external: ['*.node'],
      plugins: [lazyBuiltinsPlugin()],
      logLevel: 'silent',
      legalComments: 'none',
      minify: true,
    }).then((result) => {
      const file = result.outputFiles[0];
      if (file === undefined) throw new BundleError([`esbuild produced no output for ${name}`]);
      return file.contents;
    });
    pending.catch(() => vendorBundles.delete(entry));
    vendorBundles.set(entry, pending);
  }
  return pending;
}

function aliasPlugin(aliases: BundleAliases): Plugin {
  return { name: 'rxcharm-aliases', setup: (b) => resolveCharmAliases(b, aliases) };
}
