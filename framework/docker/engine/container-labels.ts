import {
  COMPOSE_VERSION,
  HASH_SCHEMA,
  LABEL_CONFIG_FILES,
  LABEL_CONFIG_HASH,
  LABEL_CONTAINER_NUMBER,
  LABEL_DEPENDS_ON,
  LABEL_HASH_SCHEMA,
  LABEL_IMAGE,
  LABEL_MANAGED_BY,
  LABEL_NETWORK,
  LABEL_ONEOFF,
  LABEL_PROJECT,
  LABEL_SERVICE,
  LABEL_VERSION,
  LABEL_VOLUME,
  LABEL_WORKING_DIR,
} from '../labels';
import type { DesiredService, DesiredState } from './desired-state';

/**
 * The labels of a service container: the project's extra labels, then the service's own labels, overridden by the docker-compose
 * labels (compose wins on collision, as in compose) and rxcharm's labels.
 */
export function composeLabels(
  desired: DesiredState,
  svc: DesiredService,
  number: number,
  oneoff = false,
): Record<string, string> {
  const dependsOn = Object.entries(svc.dependsOn)
    .map(([d, e]) => `${d}:${e.condition}:${e.restart}`)
    .sort()
    .join(',');
  return {
    ...desired.labels,
    ...svc.template.userLabels,
    [LABEL_PROJECT]: desired.project,
    [LABEL_SERVICE]: svc.name,
    [LABEL_CONTAINER_NUMBER]: String(number),
    [LABEL_ONEOFF]: oneoff ? 'True' : 'False',
    [LABEL_CONFIG_HASH]: svc.hash,
    [LABEL_VERSION]: COMPOSE_VERSION,
    [LABEL_WORKING_DIR]: desired.workingDir,
    [LABEL_CONFIG_FILES]: desired.configFiles.join(','),
    [LABEL_DEPENDS_ON]: dependsOn,
    ...(svc.imageId === undefined ? {} : { [LABEL_IMAGE]: svc.imageId }),
    [LABEL_MANAGED_BY]: 'rxcharm',
    [LABEL_HASH_SCHEMA]: HASH_SCHEMA,
  };
}

/** Labels of a project network or volume (v1's set plus rxcharm's). */
export function resourceLabels(
  project: string,
  kind: 'network' | 'volume',
  key: string,
  own: Readonly<Record<string, string>>,
): Record<string, string> {
  return {
    ...own,
    [kind === 'network' ? LABEL_NETWORK : LABEL_VOLUME]: key,
    [LABEL_PROJECT]: project,
    [LABEL_VERSION]: COMPOSE_VERSION,
    [LABEL_MANAGED_BY]: 'rxcharm',
  };
}
