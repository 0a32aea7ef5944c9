/**
 * Label keys written on everything the compose engine creates.
 *
 * The `com.docker.compose.*` keys are the ones docker-compose v1 writes, so `docker-compose ps`,
 * `logs` and `down` see our containers; the `rxcharm.*` keys record that rxcharm made them and with
 * which hash recipe, so a foreign hash can be told apart from ours.
 */
export const LABEL_PROJECT = 'com.docker.compose.project';
export const LABEL_SERVICE = 'com.docker.compose.service';
export const LABEL_CONTAINER_NUMBER = 'com.docker.compose.container-number';
export const LABEL_ONEOFF = 'com.docker.compose.oneoff';
export const LABEL_CONFIG_HASH = 'com.docker.compose.config-hash';
export const LABEL_VERSION = 'com.docker.compose.version';
export const LABEL_WORKING_DIR = 'com.docker.compose.project.working_dir';
export const LABEL_CONFIG_FILES = 'com.docker.compose.project.config_files';
export const LABEL_DEPENDS_ON = 'com.docker.compose.depends_on';
export const LABEL_IMAGE = 'com.docker.compose.image';
export const LABEL_NETWORK = 'com.docker.compose.network';
export const LABEL_VOLUME = 'com.docker.compose.volume';

/** Set to `rxcharm` on every resource rxcharm created. */
export const LABEL_MANAGED_BY = 'rxcharm.managed-by';
/** The version of rxcharm's config-hash recipe (see `configHash`). */
export const LABEL_HASH_SCHEMA = 'rxcharm.hash-schema';

/** Value of `com.docker.compose.version`: the docker-compose release whose label set we reproduce. */
export const COMPOSE_VERSION = '1.29.2';
/** Current hash recipe version; bump only together with a changelog entry (it recreates everything once). */
export const HASH_SCHEMA = '1';

/** Label filter selecting every container (or network, volume) of a project. */
export function projectFilter(project: string): string {
  return `${LABEL_PROJECT}=${project}`;
}
