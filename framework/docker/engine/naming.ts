import { basename } from 'node:path';
import { ComposeUsageError } from '../errors';

/** docker-compose v1's normalization: lowercase, keep `[a-z0-9_-]`, strip leading `_`/`-`. */
export function normalizeProjectName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^-_a-z0-9]/g, '')
    .replace(/^[-_]+/, '');
}

/**
 * The project name: an explicit name must already be normalized (else an error, as in compose);
 * otherwise the compose file's `name:`, else the workspace directory's basename, normalized.
 *
 * @throws ComposeUsageError when an explicit name is invalid or nothing usable remains.
 */
export function projectName(explicit: string | undefined, fromFile: string | undefined, workspaceDir: string): string {
  if (explicit !== undefined) {
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(explicit)) {
      throw new ComposeUsageError(
        `invalid project name: "${explicit}"\nuse lowercase letters, digits, "-" and "_", starting with a letter or digit`,
        { project: explicit },
      );
    }
    return explicit;
  }
  const name = normalizeProjectName(fromFile ?? basename(workspaceDir));
  if (name === '')
    throw new ComposeUsageError(`no usable project name for ${workspaceDir}; pass a project name`, { workspaceDir });
  return name;
}

/** v1 container name `<project>_<service>_<n>`. */
export function containerName(project: string, service: string, n: number): string {
  return `${project}_${service}_${n}`;
}

/** Engine name of a project resource (`<project>_<key>`), unless it has its own name or is external. */
export function resourceName(
  project: string,
  key: string,
  cfg: { readonly name?: string; readonly external: boolean },
): string {
  if (cfg.name !== undefined) return cfg.name;
  return cfg.external ? key : `${project}_${key}`;
}

/**
 * The image a service runs: its `image:`, or for a `build:` without one, `<project>-<service>`
 * (docker compose v2's name; v1 wrote `<project>_<service>`).
 */
export function serviceImage(project: string, svc: { readonly name: string; readonly image: string }): string {
  return svc.image !== '' ? svc.image : `${project}-${svc.name}`;
}
