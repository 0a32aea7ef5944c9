import { type Charm } from 'rxcharm';
import { Compose, type ComposeOptions, type DockerClient } from 'rxcharm/compose';
import { recordedPublishAddress } from './publish-address';

/** The charm's `docker_host` config (empty means the local default socket). */
export function dockerHostOf(charm: Charm): string {
  return charm.config.get<string>('docker_host') ?? '';
}

/**
 * The hook's `DockerClient` (`charm.docker`): the runtime makes it on the charm's `docker_host`,
 * and the test harness hands its fake through the same door. Kept for charms that call it.
 */
export function dockerClientFor(charm: Charm): DockerClient {
  return charm.docker;
}

/**
 * The compose project of a unit, unique per unit on a Docker host and valid as a project name:
 * `redis/0` → `redis-0`.
 */
export function unitProjectName(unitName: string): string {
  return unitName.replace(/[^a-zA-Z0-9_-]/g, '-').toLowerCase();
}

/**
 * A `Compose` for a workspace directory on the hook's Docker client (`charm.docker`, on the
 * charm's `docker_host`), with compose events sent to the charm's log. Ports the compose file
 * publishes without a host IP are published on the unit's address (see `docker_publish_address`
 * and `recordPublishAddress`), as a machine charm's workload listens on its machine's address.
 *
 * @example
 * ```ts
 * @when('docker.ready')
 * async start(): Promise<void> {
 *   await composeFor(this, `${this.charmDir}/files/app`, { project: 'app' }).up();
 * }
 * ```
 */
export function composeFor(charm: Charm, workspaceDir: string, options: Omit<ComposeOptions, 'docker'> = {}): Compose {
  return new Compose(workspaceDir, {
    onEvent: (e) => charm.log.info({ resource: e.resource, status: e.status, cause: e.cause }, 'compose'),
    onWarning: (m) => charm.log.warn(m),
    ...publishOn(recordedPublishAddress(charm)),
    ...options,
    docker: charm.docker,
  });
}

/**
 * True when the daemon answers a ping within `timeoutMs`. Never throws.
 *
 * @example
 * ```ts
 * if (await pingDocker(this.docker)) this.setFlag('docker.ready');
 * ```
 */
export async function pingDocker(docker: DockerClient, timeoutMs = 5000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = docker.ping().then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

function publishOn(hostIp: string | undefined): { defaultHostIp?: string } {
  return hostIp === undefined ? {} : { defaultHostIp: hostIp };
}
