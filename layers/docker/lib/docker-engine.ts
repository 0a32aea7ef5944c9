import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { type Charm } from 'rxcharm';
import { Compose, type ComposeOptions, type DockerClient } from 'rxcharm/compose';
import { isDebianLike } from './docker-setup';
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

/** Facts about this machine for `dockerSetupStep`. */
export function machineFacts(): { readonly installed: boolean; readonly debianLike: boolean } {
  const installed = ['/usr/bin/dockerd', '/usr/sbin/dockerd', '/usr/local/bin/dockerd'].some((p) => existsSync(p));
  let osRelease = '';
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    // Not Linux, or no os-release: not Debian-like.
  }
  return { installed, debianLike: isDebianLike(osRelease) };
}

/** Runs a command without a shell; resolves with its exit code and combined output. */
export function runCommand(
  cmd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ readonly code: number; readonly output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', (e) => resolve({ code: 127, output: e.message }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** apt-get installs docker.io non-interactively. */
export async function installDockerPackage(): Promise<{ readonly code: number; readonly output: string }> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = await runCommand('apt-get', ['update', '-qq'], env);
  if (update.code !== 0) return update;
  return runCommand('apt-get', ['install', '-y', '-qq', 'docker.io'], env);
}

/** Starts (or restarts) the local daemon through systemd, falling back to `service`. */
export async function startDockerDaemon(restart = false): Promise<{ readonly code: number; readonly output: string }> {
  const verb = restart ? 'restart' : 'start';
  const systemd = await runCommand('systemctl', [verb, 'docker']);
  if (systemd.code === 0) return systemd;
  return runCommand('service', ['docker', verb]);
}

function publishOn(hostIp: string | undefined): { defaultHostIp?: string } {
  return hostIp === undefined ? {} : { defaultHostIp: hostIp };
}
