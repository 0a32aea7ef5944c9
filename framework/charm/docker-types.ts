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

/** Everything needed to create a container. */
export interface ContainerCreateSpec {
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
