import type { ContainerCreateSpec } from '../../framework/charm/docker-types';

/**
 * A container create spec whose required lists are empty (no env, labels, ports, mounts or links):
 * a test names the container and its image and sets only what it is about. Imports only types,
 * so unit tests can use it.
 */
export function bareContainerSpec(
  spec: Pick<ContainerCreateSpec, 'name' | 'image'> & Partial<ContainerCreateSpec>,
): ContainerCreateSpec {
  return { env: [], labels: {}, exposedPorts: [], portBindings: {}, mounts: [], links: [], ...spec };
}
