import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCharm, findPackageRoot, findProjectRoot, searchPathFromEnv, withProjectLayers } from '../build';
import { CharmLoadError } from './errors';

/** Builds a layer into `outputDir` and returns the built charm dir. */
export type BuildLayer = (layerDir: string, outputDir: string) => Promise<string>;

/** What a deploy argument is: a built charm (has `dispatch` or `hooks/`) or a layer to build. */
export type CharmSourceKind = 'charm' | 'layer';

/**
 * Classifies a deploy argument.
 *
 * @throws CharmLoadError when the path is neither a built charm nor a layer.
 */
export function charmSourceKind(path: string): CharmSourceKind {
  const dir = resolve(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CharmLoadError(dir, 'not a directory');
  const built =
    existsSync(join(dir, 'metadata.yaml')) && (existsSync(join(dir, 'dispatch')) || existsSync(join(dir, 'hooks')));
  if (built) return 'charm';
  if (existsSync(join(dir, 'layer.yaml')) || existsSync(join(dir, 'reactive'))) return 'layer';
  throw new CharmLoadError(
    dir,
    'neither a built charm (metadata.yaml with dispatch or hooks/) nor a layer (layer.yaml)',
  );
}

/**
 * The default layer builder: rxcharm's own `buildCharm`, with the layer search path read from
 * `env` (`CHARM_LAYERS_DIR`, `LAYER_PATH`, `CHARM_INTERFACES_DIR`, `INTERFACE_PATH`) and the
 * layer's project (its `layers/`, `interfaces/` and the npm packages it has installed).
 */
export function defaultBuildLayer(env: Readonly<Record<string, string | undefined>>): BuildLayer {
  return async (layerDir, outputDir) => {
    const packageRoot = findPackageRoot();
    const result = await buildCharm({
      layerDir,
      outputDir,
      searchPath: withProjectLayers(searchPathFromEnv(env, packageRoot), findProjectRoot(layerDir)),
      force: true,
      packageRoot,
    });
    return result.outputDir;
  };
}
