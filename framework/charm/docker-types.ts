/**
 * The types `DockerClient` (./docker-client.ts) speaks, on the ground floor with it. They mirror
 * the Engine API fields rxcharm uses, in camelCase; no dockerode type appears here, so callers and
 * fakes never depend on dockerode.
 */

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy';

/** One row of a container listing. */
export interface ContainerSummary {
  readonly id: string;
  /** Name without the leading `/`. */
  readonly name: string;
  readonly image: string;
  /** `sha256:` id of the image the container was created from. */
  readonly imageId: string;
  /** Engine state: `created`, `running`, `paused`, `restarting`, `removing`, `exited`, `dead`. */
  readonly state: string;
  /** Human status, e.g. `Up 3 seconds (healthy)`. */
  readonly status: string;
  readonly health?: HealthStatus;
  readonly labels: Readonly<Record<string, string>>;
  readonly ports: readonly PublishedPort[];
  /** Creation time, seconds since the epoch. */
  readonly created: number;
}

export interface PublishedPort {
  readonly containerPort: number;
  readonly protocol: string;
  readonly hostIp?: string;
  readonly hostPort?: number;
}

/** Details from a container inspect. */
export interface ContainerDetails extends ContainerSummary {
  readonly running: boolean;
  readonly exitCode: number;
  /** Network name → endpoint info. */
  readonly networks: Readonly<Record<string, { readonly networkId: string; readonly ipAddress: string }>>;
  readonly mounts: readonly MountedVolume[];
}

/** A mount of an existing container. */
export interface MountedVolume {
  readonly type: string;
  /** Volume name (volumes only). */
  readonly name?: string;
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
}

export interface RestartPolicySpec {
  readonly name: 'no' | 'always' | 'on-failure' | 'unless-stopped';
  readonly maximumRetryCount: number;
}

export interface HealthcheckSpec {
  /** Engine form: `['NONE']`, `['CMD', ...]` or `['CMD-SHELL', cmd]`. */
  readonly test: readonly string[];
  readonly intervalNs?: number;
  readonly timeoutNs?: number;
  readonly startPeriodNs?: number;
  readonly retries?: number;
}

export interface MountSpec {
  readonly type: 'volume' | 'bind' | 'tmpfs';
  /** Engine volume name or absolute host path; absent for anonymous volumes and tmpfs. */
  readonly source?: string;
  readonly target: string;
  readonly readOnly: boolean;
}

export interface PortBindingSpec {
  readonly hostIp: string;
  /** `''` for an ephemeral port, a port, or a range. */
  readonly hostPort: string;
}

/** One `HostConfig.Ulimits` entry. */
export interface UlimitSpec {
  readonly name: string;
  readonly soft: number;
  readonly hard: number;
}

/** One `HostConfig.Devices` entry. */
export interface DeviceSpec {
  readonly pathOnHost: string;
  readonly pathInContainer: string;
  readonly cgroupPermissions: string;
}

/**
 * A container's resource limits: compose's `mem_limit`, `memswap_limit`, `mem_reservation`,
 * `cpus`, `cpu_shares`, `pids_limit`, and what `deploy.resources` sets of them.
 */
export interface ContainerResourcesSpec {
  /** Bytes. */
  readonly memory?: number;
  readonly memorySwap?: number;
  readonly memoryReservation?: number;
  readonly nanoCpus?: number;
  readonly cpuShares?: number;
  readonly pidsLimit?: number;
}

/**
 * The container options beyond the basics (compose keys such as `cap_add`, `ulimits`, `logging`,
 * `mem_limit`), each an Engine API field in camelCase. Absent means the engine default; set-like
 * lists are kept sorted by the compose model so the config hash ignores the order they were written in.
 */
export interface ContainerOptionsSpec extends ContainerResourcesSpec {
  /** `?platform=` of the create call (`linux/amd64`). */
  readonly platform?: string;
  readonly openStdin?: boolean;
  readonly tty?: boolean;
  readonly capAdd?: readonly string[];
  readonly capDrop?: readonly string[];
  readonly runtime?: string;
  readonly sysctls?: Readonly<Record<string, string>>;
  /** `host:ip` entries. */
  readonly extraHosts?: readonly string[];
  readonly dns?: readonly string[];
  readonly dnsSearch?: readonly string[];
  readonly dnsOptions?: readonly string[];
  /** Mount point → options (`size=64m`), `''` for none. */
  readonly tmpfs?: Readonly<Record<string, string>>;
  readonly ulimits?: readonly UlimitSpec[];
  readonly logConfig?: { readonly type: string; readonly config: Readonly<Record<string, string>> };
  readonly shmSize?: number;
  readonly privileged?: boolean;
  readonly devices?: readonly DeviceSpec[];
  readonly securityOpt?: readonly string[];
  readonly pidMode?: string;
  readonly ipcMode?: string;
  /** `container[:ro|rw]` entries. */
  readonly volumesFrom?: readonly string[];
  readonly groupAdd?: readonly string[];
  readonly readonlyRootfs?: boolean;
}

/** Static addresses of a container on one network (`ipv4_address`, `ipv6_address`). */
export interface EndpointAddressSpec {
  readonly ipv4Address?: string;
  readonly ipv6Address?: string;
}

/** Everything needed to create a container. */
export interface ContainerCreateSpec extends ContainerOptionsSpec {
  readonly name: string;
  readonly image: string;
  readonly cmd?: readonly string[];
  readonly entrypoint?: readonly string[];
  /** `K=V` or bare `K` (unset) entries. */
  readonly env: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** `"80/tcp"` keys. */
  readonly exposedPorts: readonly string[];
  readonly portBindings: Readonly<Record<string, readonly PortBindingSpec[]>>;
  readonly mounts: readonly MountSpec[];
  /** `HostConfig.NetworkMode`: a network name, `host`, `none`, `container:<id>`. */
  readonly networkMode?: string;
  /** Endpoint on `networkMode`'s network with its aliases (user-defined networks only). */
  readonly networkAliases?: readonly string[];
  /** Static addresses on `networkMode`'s network. */
  readonly networkAddress?: EndpointAddressSpec;
  readonly links: readonly string[];
  readonly restartPolicy?: RestartPolicySpec;
  readonly healthcheck?: HealthcheckSpec;
  readonly stopTimeoutSeconds?: number;
  readonly stopSignal?: string;
  readonly init?: boolean;
  readonly workingDir?: string;
  readonly user?: string;
  readonly hostname?: string;
}

/** IPAM of a network (`ipam:` in compose), Engine API fields in camelCase. */
export interface IpamSpec {
  readonly driver?: string;
  readonly config: readonly {
    readonly subnet?: string;
    readonly ipRange?: string;
    readonly gateway?: string;
    readonly auxAddresses?: Readonly<Record<string, string>>;
  }[];
  readonly options?: Readonly<Record<string, string>>;
}

/** What creates a network. */
export interface NetworkCreateSpec {
  readonly name: string;
  readonly driver?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly driverOpts?: Readonly<Record<string, string>>;
  readonly ipam?: IpamSpec;
  readonly internal?: boolean;
  readonly attachable?: boolean;
  readonly enableIpv6?: boolean;
}

/** What creates a volume. */
export interface VolumeCreateSpec {
  readonly name: string;
  readonly driver?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly driverOpts?: Readonly<Record<string, string>>;
}

export interface NetworkSummary {
  readonly id: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Number of containers attached (only from inspect; `undefined` from a listing). */
  readonly containers?: number;
}

export interface VolumeSummary {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface ImageSummary {
  /** `sha256:` id. */
  readonly id: string;
  readonly repoTags: readonly string[];
}

/** One progress line of an image pull. */
export interface PullProgressEvent {
  readonly image: string;
  readonly status: string;
  /** Layer id, when the line is about one layer. */
  readonly layer?: string;
  readonly current?: number;
  readonly total?: number;
}

export interface RegistryAuth {
  readonly username: string;
  readonly password: string;
  readonly serveraddress: string;
  readonly email?: string;
}

export interface LogOptions {
  /** Number of lines from the end, or all. */
  readonly tail?: number;
  readonly timestamps?: boolean;
}

/** An image build (compose `build:`), Engine API parameters in camelCase. */
export interface ImageBuildSpec {
  /** Absolute path of the context directory. */
  readonly context: string;
  /** Dockerfile path relative to the context (default `Dockerfile`). */
  readonly dockerfile?: string;
  /** Tags given to the result (`t`). */
  readonly tags: readonly string[];
  readonly args?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly cacheFrom?: readonly string[];
  readonly network?: string;
  readonly extraHosts?: readonly string[];
  readonly shmSize?: number;
  readonly platform?: string;
  readonly noCache?: boolean;
  readonly pull?: boolean;
}

/** One line of build output: a step or its output (`stream`), or a status line. */
export interface BuildProgressEvent {
  readonly tag: string;
  readonly text: string;
}
