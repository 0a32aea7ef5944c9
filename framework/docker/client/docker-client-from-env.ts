import { dockerSettingsFromEnv } from './docker-env';
import { DockerodeClient } from './dockerode-client';

/** Options of {@link dockerClientFromEnv}. */
export interface DockerClientFromEnvOptions {
  /** A `docker_host` that wins over `DOCKER_HOST` (e.g. a charm's config); empty or absent: the environment's. */
  readonly host?: string;
  readonly timeoutMs?: number;
}

/**
 * A `DockerodeClient` on the daemon the Docker CLI's environment names: `DOCKER_HOST` (unless
 * `options.host` names another), over TLS as `DOCKER_TLS_VERIFY` / `DOCKER_TLS` and
 * `DOCKER_CERT_PATH` say (see {@link dockerSettingsFromEnv}). The edge where the runtime and the
 * CLI make their clients; nothing below them reads these variables.
 *
 * @throws ComposeUsageError when the host is not a supported `docker_host` value.
 */
export function dockerClientFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  options: DockerClientFromEnvOptions = {},
): DockerodeClient {
  const settings = dockerSettingsFromEnv(env);
  const host = options.host === undefined || options.host.trim() === '' ? settings.host : options.host;
  return new DockerodeClient({ host, tls: settings.tls, timeoutMs: options.timeoutMs });
}
