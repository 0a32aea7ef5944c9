import {
  BuildError,
  findPackageRoot,
  findProjectRoot,
  searchPathFromEnv,
  withProjectLayers,
  type LayerSearchPath,
} from '../../../build';
import { CliError } from '../../cli-error';

/** Exit code of a failed build, proof or pack (charm-tools' "error" level). */
export const BUILD_ERROR_EXIT = 200;

/**
 * The layer search path from the environment and the project in the working directory (its
 * `layers/`, `interfaces/` and the npm packages that declare layers): read once, here at the CLI edge.
 */
export function cliSearchPath(): LayerSearchPath {
  return withProjectLayers(searchPathFromEnv(process.env, findPackageRoot(__dirname)), findProjectRoot(process.cwd()));
}

/** Runs a build step, turning build errors into a `CliError` with exit code 200. */
export async function withBuildErrors<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof BuildError) throw new CliError(error.message, BUILD_ERROR_EXIT, { cause: error });
    throw error;
  }
}
