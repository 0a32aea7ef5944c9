/** What the docker layer knows when it checks the engine (gathered by the reactive handler). */
export interface DockerSetupFacts {
  /** The daemon answered a ping at `docker_host`. */
  readonly answering: boolean;
  /** `docker_host` points at this machine's default socket (empty config). */
  readonly local: boolean;
  /** A `dockerd` executable exists on this machine. */
  readonly installed: boolean;
  /** `install_docker` config. */
  readonly installAllowed: boolean;
  /** `/etc/os-release` says Debian or Ubuntu (apt-get and docker.io available). */
  readonly debianLike: boolean;
}

/** The next step of the layer, with the workload status to show while taking it. */
export type DockerSetupStep =
  | { readonly kind: 'ready' }
  | { readonly kind: 'install'; readonly status: 'maintenance'; readonly message: string }
  | { readonly kind: 'start-daemon'; readonly status: 'maintenance'; readonly message: string }
  | { readonly kind: 'wait'; readonly status: 'waiting'; readonly message: string }
  | { readonly kind: 'blocked'; readonly status: 'blocked'; readonly message: string };

/**
 * Decides what to do about the engine (pure). Only a local, missing engine is installed, and only
 * when allowed on Debian/Ubuntu; a remote `docker_host` is waited for, never installed.
 */
export function dockerSetupStep(f: DockerSetupFacts): DockerSetupStep {
  if (f.answering) return { kind: 'ready' };
  if (!f.local) return { kind: 'wait', status: 'waiting', message: 'Waiting for Docker daemon at docker_host' };
  if (!f.installed) {
    if (!f.installAllowed)
      return { kind: 'blocked', status: 'blocked', message: 'Docker is not installed and install_docker is false' };
    if (!f.debianLike)
      return {
        kind: 'blocked',
        status: 'blocked',
        message: 'Docker is not installed; automatic install needs Debian or Ubuntu',
      };
    return { kind: 'install', status: 'maintenance', message: 'Installing Docker' };
  }
  return { kind: 'start-daemon', status: 'maintenance', message: 'Starting Docker daemon' };
}

/** Whether `/etc/os-release` content names Debian or Ubuntu (directly or via ID_LIKE). */
export function isDebianLike(osRelease: string): boolean {
  const field = (name: string): string => new RegExp(`^${name}="?([^"\\n]*)"?$`, 'm').exec(osRelease)?.[1] ?? '';
  return [field('ID'), ...field('ID_LIKE').split(/\s+/)].some((id) => id === 'debian' || id === 'ubuntu');
}
