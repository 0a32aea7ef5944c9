import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ComposeFileError } from './errors';
import { parseEnvFile } from './model/parse-env';
import { ValueError } from './model/value-error';

/** File names `Compose` looks for, in order, when no file is given (as docker-compose does). */
export const DEFAULT_COMPOSE_FILES = [
  'docker-compose.yml',
  'docker-compose.yaml',
  'compose.yaml',
  'compose.yml',
] as const;

/**
 * The compose file of a workspace: `file` resolved against the workspace, or the first default name present.
 *
 * @throws ComposeFileError when no file is found.
 */
export function locateComposeFile(workspaceDir: string, file?: string): string {
  if (file !== undefined) {
    const path = resolve(workspaceDir, file);
    if (!existsSync(path)) throw new ComposeFileError('file not found', { file: path, path: '' });
    return path;
  }
  for (const name of DEFAULT_COMPOSE_FILES) {
    const path = join(workspaceDir, name);
    if (existsSync(path)) return path;
  }
  throw new ComposeFileError(`no compose file found (looked for ${DEFAULT_COMPOSE_FILES.join(', ')})`, {
    file: workspaceDir,
    path: '',
  });
}

/**
 * Reads `<dir>/.env` (interpolation variables only); `{}` when absent. As the compose
 * specification says, unquoted and double-quoted values are interpolated, in order, from `osEnv`
 * first and then from the file's earlier lines (`IMAGE=app:${TAG:-latest}`); single-quoted values
 * are literal. The caller merges `osEnv` over the result (the OS environment wins).
 *
 * @param onUnset - called with each unset variable interpolated without a default (it becomes `""`).
 * @throws ComposeFileError when the file is malformed or a `${VAR:?error}` fails (with the line).
 */
export function readDotEnv(
  dir: string,
  osEnv: Readonly<Record<string, string | undefined>> = {},
  onUnset?: (name: string) => void,
): Record<string, string> {
  const path = join(dir, '.env');
  if (!existsSync(path)) return {};
  try {
    return parseEnvFile(readFileSync(path, 'utf8'), { lookup: (name) => osEnv[name], onUnset });
  } catch (error) {
    if (error instanceof ValueError) throw new ComposeFileError(error.message, { file: path, path: '' });
    throw error;
  }
}
