import { homedir } from 'node:os';
import { join } from 'node:path';
import { readFileIfExists } from '../../charm';

/**
 * TLS settings of a connection to a daemon over tcp (dockerd `--tlsverify`). The contents of the
 * PEM files, not their paths, so that a caller can hold them in memory.
 */
export interface DockerTlsOptions {
  /** Check the daemon's certificate against `ca` (or the system's authorities without one). */
  readonly verify: boolean;
  /** Authority that signed the daemon's certificate (`ca.pem`). */
  readonly ca?: string | Buffer;
  /** Client certificate and its key (`cert.pem`, `key.pem`), for daemons that require one. */
  readonly cert?: string | Buffer;
  readonly key?: string | Buffer;
}

/** Where a client connects, as the Docker CLI's environment says. */
export interface DockerEnvSettings {
  /** `DOCKER_HOST`, when set and not empty. */
  readonly host?: string;
  /** Present when TLS is asked for (`DOCKER_TLS_VERIFY` or `DOCKER_TLS`). */
  readonly tls?: DockerTlsOptions;
}

/**
 * Reads the Docker CLI's connection variables, with the CLI's rules: any non-empty
 * `DOCKER_TLS_VERIFY` turns on TLS with verification, a non-empty `DOCKER_TLS` TLS without it;
 * the PEM files (`ca.pem`, `cert.pem`, `key.pem`) come from `DOCKER_CERT_PATH`, else
 * `$HOME/.docker`, and a missing one is left out. Without TLS no file is read.
 *
 * @param readFile injected for tests; `undefined` for a missing file.
 */
export function dockerSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => Buffer | undefined = readFileIfExists,
): DockerEnvSettings {
  const host = env.DOCKER_HOST === undefined || env.DOCKER_HOST.trim() === '' ? undefined : env.DOCKER_HOST.trim();
  const verify = (env.DOCKER_TLS_VERIFY ?? '') !== '';
  if (!verify && (env.DOCKER_TLS ?? '') === '') return host === undefined ? {} : { host };
  const dir = env.DOCKER_CERT_PATH || join(env.HOME || homedir(), '.docker');
  const pem = (name: string): Buffer | undefined => readFile(join(dir, name));
  const tls: DockerTlsOptions = { verify, ca: pem('ca.pem'), cert: pem('cert.pem'), key: pem('key.pem') };
  return host === undefined ? { tls } : { host, tls };
}
