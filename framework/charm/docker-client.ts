import type {
  BuildProgressEvent,
  ContainerCreateSpec,
  EndpointAddressSpec,
  ImageBuildSpec,
  NetworkCreateSpec,
  VolumeCreateSpec,
  ContainerDetails,
  ContainerSummary,
  ImageSummary,
  LogOptions,
  NetworkSummary,
  PullProgressEvent,
  RegistryAuth,
  VolumeSummary,
} from './docker-types';

/**
 * The Docker Engine operations rxcharm uses, in rxcharm's own types.
 *
 * This is a ground-floor contract: the compose engine, layer:docker and charms speak it; the
 * runtime hands a hook its client (`Charm.docker`, made by a {@link DockerClientFactory}) and the
 * test harness passes its `FakeDockerClient` through the same door. `DockerodeClient`
 * (framework/docker) talks to a real daemon; tests may wrap it (to count writes) or replace it.
 * Methods that change state are the "writes"; `ping`, `version`, `list*`, `inspect*` and `logs` only read.
 * Every method rejects with `DockerUnavailableError` when the daemon does not answer and with
 * `DockerApiError` when it answers with an error.
 */
export interface DockerClient {
  /** The host this client talks to, for messages (`unix:///var/run/docker.sock`, `tcp://h:2375`). */
  readonly host: string;
  ping(): Promise<void>;
  version(): Promise<{ readonly version: string; readonly apiVersion: string }>;

  /** Containers (running or not) carrying every label filter (`key` or `key=value`). */
  listContainers(labels: readonly string[]): Promise<ContainerSummary[]>;
  /** `undefined` when no such container exists. */
  inspectContainer(idOrName: string): Promise<ContainerDetails | undefined>;
  /** @returns the new container id. */
  createContainer(spec: ContainerCreateSpec): Promise<string>;
  /** Already running is success. */
  startContainer(id: string): Promise<void>;
  /** Already stopped is success. */
  stopContainer(id: string, timeoutSeconds?: number): Promise<void>;
  restartContainer(id: string, timeoutSeconds?: number): Promise<void>;
  killContainer(id: string, signal?: string): Promise<void>;
  /** Already gone is success. */
  removeContainer(id: string, options?: { readonly force?: boolean; readonly volumes?: boolean }): Promise<void>;
  renameContainer(id: string, name: string): Promise<void>;
  /** Demultiplexed output of the container, stdout and stderr interleaved. */
  containerLogs(id: string, options?: LogOptions): Promise<string>;
  /** Runs a command in a running container; resolves with its exit code and output. */
  exec(id: string, cmd: readonly string[]): Promise<{ readonly exitCode: number; readonly output: string }>;
  /** Waits for the container to stop; resolves with its exit code. */
  waitContainer(id: string): Promise<number>;

  /** `undefined` when the image is not present locally. */
  inspectImage(ref: string): Promise<ImageSummary | undefined>;
  /** Pulls an image; rejects with `ImagePullError` on any error, including one inside the progress stream. */
  pullImage(
    ref: string,
    options?: { readonly auth?: RegistryAuth; readonly onProgress?: (e: PullProgressEvent) => void },
  ): Promise<void>;
  /**
   * Builds an image with the Engine's build API from a context directory sent as a tar stream.
   * @returns the built image id.
   * @throws ImageBuildError when the build fails (the engine's message, e.g. the failing step).
   */
  buildImage(spec: ImageBuildSpec, onProgress?: (e: BuildProgressEvent) => void): Promise<string>;
  /** Checks credentials against a registry (`docker login`). */
  checkAuth(auth: RegistryAuth): Promise<void>;

  listNetworks(labels: readonly string[]): Promise<NetworkSummary[]>;
  inspectNetwork(name: string): Promise<NetworkSummary | undefined>;
  createNetwork(spec: NetworkCreateSpec): Promise<string>;
  removeNetwork(idOrName: string): Promise<void>;
  connectNetwork(
    network: string,
    container: string,
    aliases: readonly string[],
    address?: EndpointAddressSpec,
  ): Promise<void>;

  listVolumes(labels: readonly string[]): Promise<VolumeSummary[]>;
  inspectVolume(name: string): Promise<VolumeSummary | undefined>;
  createVolume(spec: VolumeCreateSpec): Promise<void>;
  removeVolume(name: string): Promise<void>;
}

/** What the runtime asks a {@link DockerClientFactory} for. */
export interface DockerClientRequest {
  /**
   * The charm's `docker_host` config (unix socket path or URL, `tcp://host:port`, `https://`);
   * empty when the charm has no such option or left it empty: the hook environment decides
   * (`DOCKER_HOST`, else the default socket).
   */
  readonly host: string;
}

/**
 * Makes the Docker client of one hook. The runtime calls it at most once per hook, lazily, the
 * first time a handler reads `this.docker`; a hook that never touches Docker never makes one.
 * `runHook`'s default builds a `DockerodeClient` from the request and the hook environment; the
 * test harness passes one that returns its recording fake.
 */
export type DockerClientFactory = (request: DockerClientRequest) => DockerClient;

/** Names of the `DockerClient` methods that change daemon state (used by write-counting wrappers). */
export const DOCKER_WRITE_METHODS = [
  'createContainer',
  'startContainer',
  'stopContainer',
  'restartContainer',
  'killContainer',
  'removeContainer',
  'renameContainer',
  'exec',
  'pullImage',
  'buildImage',
  'createNetwork',
  'removeNetwork',
  'connectNetwork',
  'createVolume',
  'removeVolume',
] as const satisfies readonly (keyof DockerClient)[];
