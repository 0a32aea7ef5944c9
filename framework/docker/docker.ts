import type { DockerClient } from '../charm/docker-client';
import type {
  ContainerDetails,
  ContainerSummary,
  HealthStatus,
  PullProgressEvent,
  RegistryAuth,
} from '../charm/docker-types';
import { DockerApiError } from './errors';
import { LABEL_MANAGED_BY } from './labels';
import { createPullReporter } from './pull-progress';

/** Options of {@link Docker.run}. */
export interface RunOptions {
  readonly cmd?: readonly string[];
  readonly entrypoint?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly labels?: Readonly<Record<string, string>>;
  readonly name?: string;
  /** Network (name) to attach to. */
  readonly network?: string;
  readonly init?: boolean;
  /** Remove the container after it exits (default true). */
  readonly remove?: boolean;
}

/**
 * The `docker` verbs of charms.docker beyond compose: one-off `run`, `pull`, `login`, `ps`,
 * `inspect`, `healthcheck`.
 *
 * @example
 * ```ts
 * const docker = new Docker(this.docker); // in a handler; elsewhere e.g. new Docker(new DockerodeClient())
 * const { exitCode, output } = await docker.run('busybox:latest', { cmd: ['echo', 'hi'] });
 * ```
 */
export class Docker {
  readonly client: DockerClient;

  /** @param client the engine client to use (`Docker` never makes one of its own). */
  constructor(client: DockerClient) {
    this.client = client;
  }

  /** Runs a one-off container to completion; resolves with its exit code and output. */
  async run(image: string, options: RunOptions = {}): Promise<{ readonly exitCode: number; readonly output: string }> {
    const id = await this.client.createContainer({
      name: options.name ?? `rxcharm-run-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
      image,
      cmd: options.cmd,
      entrypoint: options.entrypoint,
      env: Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${v}`),
      labels: { ...options.labels, [LABEL_MANAGED_BY]: 'rxcharm' },
      exposedPorts: [],
      portBindings: {},
      mounts: [],
      networkMode: options.network,
      links: [],
      init: options.init,
    });
    try {
      await this.client.startContainer(id);
      const exitCode = await this.client.waitContainer(id);
      return { exitCode, output: await this.client.containerLogs(id) };
    } finally {
      if (options.remove !== false) await this.client.removeContainer(id, { force: true });
    }
  }

  /**
   * Pulls an image: a progress bar on `progressStream` when it is a TTY, `onProgress` events otherwise.
   *
   * @throws ImagePullError when the pull fails (also for errors inside the progress stream).
   */
  async pull(
    ref: string,
    options: {
      readonly auth?: RegistryAuth;
      readonly progressStream?: NodeJS.WriteStream;
      readonly onProgress?: (e: PullProgressEvent) => void;
    } = {},
  ): Promise<void> {
    const reporter =
      options.progressStream === undefined
        ? { onProgress: options.onProgress ?? (() => {}), done: () => {} }
        : await createPullReporter(ref, options.progressStream, options.onProgress);
    try {
      await this.client.pullImage(ref, { auth: options.auth, onProgress: reporter.onProgress });
    } finally {
      reporter.done();
    }
  }

  /** Checks registry credentials (`docker login`). @throws DockerApiError when refused. */
  async login(auth: RegistryAuth): Promise<void> {
    await this.client.checkAuth(auth);
  }

  /** Containers carrying every given label filter (`key` or `key=value`); all rxcharm-made ones by default. */
  ps(labels: readonly string[] = [LABEL_MANAGED_BY]): Promise<ContainerSummary[]> {
    return this.client.listContainers(labels);
  }

  /** @throws DockerApiError (404) when the container does not exist. */
  async inspect(idOrName: string): Promise<ContainerDetails> {
    const c = await this.client.inspectContainer(idOrName);
    if (c === undefined) throw new DockerApiError('inspect container', idOrName, 404, 'no such container');
    return c;
  }

  /** The container's health: `starting`, `healthy`, `unhealthy`, or `none` without a healthcheck. */
  async healthcheck(idOrName: string): Promise<HealthStatus | 'none'> {
    return (await this.inspect(idOrName)).health ?? 'none';
  }
}
