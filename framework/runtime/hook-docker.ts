import type { DockerClient, DockerClientFactory } from '../charm/docker-client';
import { dockerClientFromEnv } from '../docker';
import type { Config, HookEnv } from '../hookenv';

/**
 * Per-request timeout of the default client of a hook: a daemon that stops answering fails the
 * call (layer:docker then reports it) instead of holding the unit's hook forever.
 */
export const HOOK_DOCKER_TIMEOUT_MS = 30_000;

/** `runHook`'s default {@link DockerClientFactory}: a `DockerodeClient` as the hook environment says. */
export function defaultDockerFactory(env: HookEnv): DockerClientFactory {
  return ({ host }) => dockerClientFromEnv(env, { host, timeoutMs: HOOK_DOCKER_TIMEOUT_MS });
}

/**
 * The hook's Docker client, asked of `factory` on first use only, with the charm's `docker_host`
 * (layer:docker's option; empty when the charm has none): a hook that never touches Docker
 * never makes a client, let alone loads a library for it.
 */
export function lazyDockerClient(factory: DockerClientFactory, config: Config): () => DockerClient {
  let client: DockerClient | undefined;
  return () => {
    if (client === undefined) {
      const host = config.all().docker_host;
      client = factory({ host: typeof host === 'string' ? host.trim() : '' });
    }
    return client;
  };
}
