/** The normalized compose model produced by `parseCompose`. All paths are absolute, all ports numbers. */
import type {
  ContainerOptionsSpec,
  EndpointAddressSpec,
  HealthcheckSpec,
  ImageBuildSpec,
  MountSpec,
  NetworkCreateSpec,
  RestartPolicySpec,
  VolumeCreateSpec,
} from '../../charm/docker-types';

/** One published or exposed container port. `published` is `''` for an ephemeral host port, or a port/range. */
export interface PortBinding {
  readonly target: number;
  readonly protocol: 'tcp' | 'udp' | 'sctp';
  readonly published: string;
  readonly hostIp: string;
}

/**
 * A mount: a named volume (`source` = the key in top-level `volumes`), an anonymous volume, or a
 * bind; the engine's mount with the volume key still unresolved.
 */
export type VolumeMount = MountSpec;

export type DependencyCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface Dependency {
  readonly condition: DependencyCondition;
  readonly required: boolean;
  readonly restart: boolean;
}

/** A service's `healthcheck:`, already in the engine's form. */
export type Healthcheck = HealthcheckSpec;

export type RestartPolicy = RestartPolicySpec;

export interface ServiceNetwork extends EndpointAddressSpec {
  readonly aliases: readonly string[];
}

/** A service's `build:`, the context resolved to an absolute path; the engine names the tags. */
export type BuildConfig = Omit<ImageBuildSpec, 'tags'>;

/** `pull_policy` (`if_not_present` is read as `missing`). */
export type PullPolicy = 'always' | 'never' | 'missing' | 'build';

/** One `volumes_from` entry: another service's (first) container, or a container by name. */
export interface VolumesFrom {
  readonly service?: string;
  readonly container?: string;
  readonly mode: 'rw' | 'ro';
}

/** One service, fully interpolated and normalized. */
export interface ServiceConfig {
  readonly name: string;
  readonly image: string;
  /** `undefined` keeps the image default; `[]` overrides it with nothing. */
  readonly command?: readonly string[];
  readonly entrypoint?: readonly string[];
  /** Resolved environment (env_file first, then `environment`); `null` = unset in the container. */
  readonly environment: Readonly<Record<string, string | null>>;
  /** Absolute paths of the env files read (informational; their content is in `environment`). */
  readonly envFiles: readonly string[];
  readonly ports: readonly PortBinding[];
  /** `"<port>/<proto>"` entries, ranges expanded. */
  readonly expose: readonly string[];
  readonly volumes: readonly VolumeMount[];
  /** Network keys (top-level `networks`) to attach to; `default` when the service names none. */
  readonly networks: Readonly<Record<string, ServiceNetwork>>;
  readonly networkMode?: string;
  readonly dependsOn: Readonly<Record<string, Dependency>>;
  /** `[service, alias]` pairs. */
  readonly links: readonly (readonly [string, string])[];
  readonly restart?: RestartPolicy;
  readonly healthcheck?: Healthcheck;
  readonly stopGracePeriodSeconds?: number;
  readonly stopSignal?: string;
  readonly init?: boolean;
  readonly labels: Readonly<Record<string, string>>;
  readonly containerName?: string;
  readonly scale: number;
  readonly workingDir?: string;
  readonly user?: string;
  readonly hostname?: string;
  /** Runtime options (`cap_add`, `ulimits`, `logging`, resources...), engine fields; absent when none is set. */
  readonly options?: ContainerOptionsSpec;
  /** `build:`; with no `image:`, the built image is named `<project>-<service>` (docker compose v2). */
  readonly build?: BuildConfig;
  /** `profiles:`; a service with profiles runs only when one of them is active or it is named. */
  readonly profiles?: readonly string[];
  readonly pullPolicy?: PullPolicy;
  readonly volumesFrom?: readonly VolumesFrom[];
  /** Other files the service was read from (`extends: {file:}`), so a cached model notices their changes. */
  readonly sourceFiles?: readonly string[];
}

/** A top-level network: what the engine creates, with the name known only once the project is. */
export interface NetworkConfig extends Omit<NetworkCreateSpec, 'name'> {
  /** Engine name: `<project>_<key>` unless `name:` or `external`. Filled by the engine once the project is known. */
  readonly name?: string;
  readonly external: boolean;
}

/** A top-level volume: what the engine creates, with the name known only once the project is. */
export interface VolumeConfig extends Omit<VolumeCreateSpec, 'name'> {
  readonly name?: string;
  readonly external: boolean;
}

/** A parsed compose file. `services` keeps file order. */
export interface ComposeModel {
  /** Absolute path of the file (or the name given to `parseCompose`). */
  readonly file: string;
  /** Directory relative paths resolve against. */
  readonly workingDir: string;
  /** Top-level `name:`, if any. */
  readonly name?: string;
  readonly services: Readonly<Record<string, ServiceConfig>>;
  readonly networks: Readonly<Record<string, NetworkConfig>>;
  readonly volumes: Readonly<Record<string, VolumeConfig>>;
}

/** The service whose network a `network_mode: "service:<name>"` service shares, else `undefined`. */
export function networkService(svc: Pick<ServiceConfig, 'networkMode'>): string | undefined {
  return svc.networkMode?.startsWith('service:') ? svc.networkMode.slice('service:'.length) : undefined;
}
