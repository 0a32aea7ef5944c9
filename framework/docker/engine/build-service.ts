import type { DockerClient } from '../../charm/docker-client';
import { ComposeUsageError } from '../errors';
import type { BuildProgressEvent } from '../../charm/docker-types';
import type { ServiceConfig } from '../model/types';

/**
 * Builds a `build:` service's image and tags it `image` (the service's `image:` or
 * `<project>-<service>`), passing the build section to the Engine as docker compose v2 does:
 * Dockerfile, args, target, labels, cache_from, network, extra_hosts, shm_size, platform.
 *
 * @returns the built image id.
 * @throws ImageBuildError when the build fails.
 */
export async function buildService(
  docker: DockerClient,
  svc: ServiceConfig,
  image: string,
  onProgress?: (event: BuildProgressEvent) => void,
): Promise<string> {
  const b = svc.build;
  if (b === undefined) throw new ComposeUsageError(`service "${svc.name}" has no build section`, { service: svc.name });
  return docker.buildImage(
    {
      context: b.context,
      dockerfile: b.dockerfile,
      tags: [image],
      args: b.args,
      target: b.target,
      labels: b.labels,
      cacheFrom: b.cacheFrom,
      network: b.network,
      extraHosts: b.extraHosts,
      shmSize: b.shmSize,
      platform: b.platform ?? svc.options?.platform,
      noCache: b.noCache,
      pull: b.pull,
    },
    onProgress,
  );
}
