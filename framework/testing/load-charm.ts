import { join, resolve } from 'node:path';
import {
  findPackageRoot,
  findProjectRoot,
  planCharm,
  withProjectLayers,
  resolveLayers,
  type EntryModule,
  type LayerSearchPath,
  type OutputFile,
} from '../build';
import { isRxcharmError } from '../errors';
import {
  ACTIONS_FILE,
  CONFIG_FILE,
  METADATA_FILE,
  parseActionsSchema,
  parseCharmMetadata,
  parseConfigSchema,
} from '../charm';
import type { CharmSpec } from './charm-spec';
import { HarnessLoadError } from './errors';
import { bundleForHarness } from './internal/harness-bundle';

/** A charm ready for the harness: its declarations, its files and its bundled code. */
export interface LoadedCharm {
  readonly dir: string;
  readonly spec: CharmSpec;
  /** Files of the built charm (metadata.yaml, config.yaml, templates...), as `rxcharm build` would write them. */
  readonly files: readonly OutputFile[];
  /** CommonJS text of the harness bundle. */
  readonly code: string;
  /** Reactive modules in registration order, with their source files. */
  readonly modules: readonly EntryModule[];
  /** Directories of the stack's layers and interfaces, by name. */
  readonly layerDirs: Readonly<Record<string, string>>;
  readonly interfaceDirs: Readonly<Record<string, string>>;
}

/** Options of {@link loadCharm}. */
export interface LoadCharmOptions {
  /** Extra layer / interface directories (after the rxcharm package's own `layers/` and `interfaces/`). */
  readonly searchPath?: Partial<LayerSearchPath>;
  /** rxcharm package root (default: found from this file). */
  readonly packageRoot?: string;
}

/**
 * Resolves a layer (or charm) directory's stack as `rxcharm build` does, and bundles its reactive
 * code with a private copy of the framework for the harness. Writes nothing.
 *
 * @throws HarnessLoadError naming the directory and what failed (missing layer, invalid YAML, a
 *   compile error in a reactive module...).
 */
export async function loadCharm(dir: string, options: LoadCharmOptions = {}): Promise<LoadedCharm> {
  const top = resolve(dir);
  try {
    const root = options.packageRoot ?? findPackageRoot();
    // The author's project (its own layers/ and interfaces/, and the npm packages that declare
    // layers) as `rxcharm build` run there sees it, then the package's shipped layers.
    const searchPath: LayerSearchPath = withProjectLayers(
      {
        layers: [join(root, 'layers'), ...(options.searchPath?.layers ?? [])],
        interfaces: [join(root, 'interfaces'), ...(options.searchPath?.interfaces ?? [])],
        packages: options.searchPath?.packages ?? [],
      },
      findProjectRoot(top),
    );
    const plan = planCharm(resolveLayers(top, searchPath));
    const text = (path: string): string | undefined => {
      const f = plan.files.find((x) => x.path === path);
      return f === undefined ? undefined : Buffer.from(f.content).toString('utf8');
    };
    const meta = parseCharmMetadata(text(METADATA_FILE) ?? '', join(top, METADATA_FILE));
    const config = parseConfigSchema(text(CONFIG_FILE) ?? '', join(top, CONFIG_FILE));
    const spec: CharmSpec = {
      charmName: meta.name,
      roles: meta.roles,
      config,
      actions: parseActionsSchema(text(ACTIONS_FILE) ?? '', join(top, ACTIONS_FILE)),
    };
    const layerDirs = Object.fromEntries(plan.stack.layers.map((l) => [l.name, l.dir]));
    const interfaceDirs = Object.fromEntries(plan.stack.interfaces.map((i) => [i.name, i.dir]));
    const code = await bundleForHarness(plan.entry, top, {
      packageRoot: root,
      framework: join(root, 'framework', 'index.ts'),
      layers: layerDirs,
      interfaces: interfaceDirs,
    });
    return { dir: top, spec, files: plan.files, code, modules: plan.entry.modules, layerDirs, interfaceDirs };
  } catch (e) {
    const errors = (e as { errors?: Array<{ text: string; location?: { file: string; line: number } | null }> }).errors;
    const detail = isRxcharmError(e)
      ? e.message
      : Array.isArray(errors)
        ? errors.map((x) => (x.location ? `${x.location.file}:${x.location.line}: ${x.text}` : x.text)).join('\n')
        : e instanceof Error
          ? e.message
          : String(e);
    throw new HarnessLoadError(top, detail, e);
  }
}
