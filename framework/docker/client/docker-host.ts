import { ComposeUsageError } from '../errors';
import type { DockerTlsOptions } from './docker-env';

/** Connection settings derived from a `docker_host` value. */
export type DockerConnection =
  | { readonly kind: 'socket'; readonly socketPath: string; readonly display: string }
  | {
      readonly kind: 'tcp';
      readonly protocol: 'http' | 'https';
      readonly host: string;
      readonly port: number;
      readonly display: string;
      /** TLS settings; present exactly when `protocol` is `https`. */
      readonly tls?: DockerTlsOptions;
    };

/** Default engine socket. */
export const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock';

/**
 * Interprets a `docker_host` / `DOCKER_HOST` value: empty → the default socket; `unix:///path` or
 * `/path` → a unix socket; `tcp://host:port`, over TLS when `tls` is given or the scheme is
 * `https://` (port defaulting to 2375, or 2376 with TLS). `tls` does not apply to sockets.
 *
 * @throws ComposeUsageError on anything else (e.g. `ssh://`, which is not supported).
 */
export function parseDockerHost(value: string | undefined, tls?: DockerTlsOptions): DockerConnection {
  const text = (value ?? '').trim();
  if (text === '')
    return { kind: 'socket', socketPath: DEFAULT_DOCKER_SOCKET, display: `unix://${DEFAULT_DOCKER_SOCKET}` };
  if (text.startsWith('/')) return { kind: 'socket', socketPath: text, display: `unix://${text}` };
  if (text.startsWith('unix://')) {
    const socketPath = text.slice('unix://'.length);
    if (!socketPath.startsWith('/'))
      throw new ComposeUsageError(`invalid docker_host: ${text}\nunix sockets need an absolute path`, {
        dockerHost: text,
      });
    return { kind: 'socket', socketPath, display: text };
  }
  const m = /^(tcp|http|https):\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?\/?$/.exec(text);
  if (m) {
    const secure = m[1] === 'https' || tls !== undefined;
    const port = m[3] === undefined ? (secure ? 2376 : 2375) : Number(m[3]);
    const host = m[2].replace(/^\[|\]$/g, '');
    return secure
      ? { kind: 'tcp', protocol: 'https', host, port, display: text, tls: tls ?? { verify: true } }
      : { kind: 'tcp', protocol: 'http', host, port, display: text };
  }
  throw new ComposeUsageError(
    `invalid docker_host: ${text}\nuse unix:///path/to/docker.sock, /path/to/docker.sock or tcp://host:port`,
    { dockerHost: text },
  );
}
