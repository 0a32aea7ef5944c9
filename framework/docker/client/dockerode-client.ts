import type Dockerode from 'dockerode';
import { DockerApiError, DockerUnavailableError, ImagePullError } from '../errors';
import type { DockerClient } from './docker-client';
import { parseDockerHost, type DockerConnection } from './docker-host';
import {
  containerCreateBody,
  containerCreateQuery,
  demuxDockerStream,
  endpointConfigBody,
  networkCreateBody,
  volumeCreateBody,
} from './engine-body';
import { buildImageWith } from './image-build';
import { engineRequest, query, type EngineRequest } from './engine-http';
import type {
  BuildProgressEvent,
  ContainerCreateSpec,
  ContainerDetails,
  EndpointAddressSpec,
  ImageBuildSpec,
  NetworkCreateSpec,
  VolumeCreateSpec,
  ContainerSummary,
  HealthStatus,
  ImageSummary,
  LogOptions,
  NetworkSummary,
  PullProgressEvent,
  RegistryAuth,
  VolumeSummary,
} from './types';

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'EACCES',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

interface EngineError {
  readonly statusCode?: number;
  readonly code?: string;
  readonly json?: { readonly message?: string } | null;
  readonly message?: string;
}

function healthOf(status: string | undefined): HealthStatus | undefined {
  if (status === undefined) return undefined;
  if (status.includes('(healthy)') || status === 'healthy') return 'healthy';
  if (status.includes('(unhealthy)') || status === 'unhealthy') return 'unhealthy';
  if (status.includes('health: starting') || status === 'starting') return 'starting';
  return undefined;
}

/** The id in a create call's answer; an answer without one is the engine's error, not an empty id. */
function createdId(operation: string, subject: string, answer: { Id?: string } | undefined): string {
  if (typeof answer?.Id === 'string' && answer.Id !== '') return answer.Id;
  throw new DockerApiError(
    operation,
    subject,
    undefined,
    `the engine answered without an id: ${JSON.stringify(answer ?? null).slice(0, 200)}`,
  );
}

function containerPath(id: string): string {
  return `/containers/${encodeURIComponent(id)}`;
}

function labelFilters(labels: readonly string[]): string {
  return JSON.stringify({ label: [...labels] });
}

/** Options of {@link DockerodeClient}. */
export interface DockerodeClientOptions {
  /** `docker_host`: unix socket path / `unix://` URL or `tcp://host:port`; default `/var/run/docker.sock`. */
  readonly host?: string;
  /** Per-request timeout in milliseconds (dockerode `timeout`); none by default. */
  readonly timeoutMs?: number;
}

/**
 * `DockerClient` on the Engine API. Plain JSON calls (ping, list, inspect, create, start, stop,
 * remove, networks, volumes) go straight to the socket ({@link engineRequest}); dockerode is
 * loaded only for streams (pulls, logs, exec) and for TLS connections, so `compose up` and
 * `down` never pay the ~100 ms of CPU that loading dockerode costs a process.
 *
 * @example
 * ```ts
 * const docker = new DockerodeClient({ host: 'unix:///var/run/docker.sock' });
 * await docker.ping();
 * ```
 */
export class DockerodeClient implements DockerClient {
  readonly host: string;
  private readonly connection: DockerConnection;
  private readonly timeoutMs: number | undefined;
  private api: Promise<Dockerode> | undefined;

  constructor(options: DockerodeClientOptions = {}) {
    this.connection = parseDockerHost(options.host);
    this.host = this.connection.display;
    this.timeoutMs = options.timeoutMs;
  }

  private docker(): Promise<Dockerode> {
    this.api ??= import('dockerode').then((mod) => {
      const Ctor = (mod as unknown as { default?: typeof Dockerode }).default ?? (mod as unknown as typeof Dockerode);
      const c = this.connection;
      const timeout = this.timeoutMs === undefined ? {} : { timeout: this.timeoutMs };
      return c.kind === 'socket'
        ? new Ctor({ socketPath: c.socketPath, ...timeout })
        : new Ctor({ host: c.host, port: c.port, protocol: c.protocol, ...timeout });
    });
    return this.api;
  }

  /** Runs one API call, mapping transport failures to DockerUnavailableError and engine errors to DockerApiError. */
  private async call<T>(
    operation: string,
    subject: string,
    fn: (d: Dockerode) => Promise<T>,
    ok: readonly number[] = [],
  ): Promise<T | undefined> {
    return this.guard(operation, subject, async () => fn(await this.docker()), ok);
  }

  /**
   * One plain JSON call without dockerode (unix sockets and plain tcp); over https it goes through
   * dockerode's modem, which holds the TLS settings.
   */
  private async engine<T>(
    operation: string,
    subject: string,
    call: EngineRequest,
    viaDockerode: (d: Dockerode) => Promise<T>,
    ok: readonly number[] = [],
  ): Promise<T | undefined> {
    const c = this.connection;
    if (c.kind === 'tcp' && c.protocol === 'https') return this.call(operation, subject, viaDockerode, ok);
    return this.guard(operation, subject, () => engineRequest<T>(c, { ...call, timeoutMs: this.timeoutMs }), ok);
  }

  /** A read-only GET: see {@link engine}. */
  private read<T>(
    operation: string,
    subject: string,
    path: string,
    viaDockerode: (d: Dockerode) => Promise<T>,
    ok: readonly number[] = [],
  ): Promise<T | undefined> {
    return this.engine(operation, subject, { method: 'GET', path }, viaDockerode, ok);
  }

  private async guard<T>(
    operation: string,
    subject: string,
    fn: () => Promise<T>,
    ok: readonly number[],
  ): Promise<T | undefined> {
    try {
      return await fn();
    } catch (error) {
      const e = error as EngineError;
      if (e.code !== undefined && UNREACHABLE.has(e.code))
        throw new DockerUnavailableError(this.host, { cause: error });
      if (e.statusCode !== undefined && ok.includes(e.statusCode)) return undefined;
      const message = e.json?.message ?? e.message ?? String(error);
      throw new DockerApiError(operation, subject, e.statusCode, message, { cause: error });
    }
  }

  async ping(): Promise<void> {
    await this.read('ping', this.host, '/_ping', (d) => d.ping());
  }

  async version(): Promise<{ version: string; apiVersion: string }> {
    const v = await this.read<Dockerode.DockerVersion>('version', this.host, '/version', (d) => d.version());
    return { version: v?.Version ?? '', apiVersion: v?.ApiVersion ?? '' };
  }

  async listContainers(labels: readonly string[]): Promise<ContainerSummary[]> {
    const rows =
      (await this.read<Dockerode.ContainerInfo[]>(
        'list containers',
        labels.join(','),
        `/containers/json${query({ all: true, filters: { label: labels } })}`,
        (d) => d.listContainers({ all: true, filters: labelFilters(labels) }),
      )) ?? [];
    return rows.map((r) => ({
      id: r.Id,
      name: (r.Names[0] ?? '').replace(/^\//, ''),
      image: r.Image,
      imageId: r.ImageID,
      state: r.State,
      status: r.Status,
      health: healthOf(r.Status),
      labels: r.Labels ?? {},
      ports: (r.Ports ?? []).map((p) => ({
        containerPort: p.PrivatePort,
        protocol: p.Type,
        hostIp: p.IP,
        hostPort: p.PublicPort,
      })),
      created: r.Created,
    }));
  }

  async inspectContainer(idOrName: string): Promise<ContainerDetails | undefined> {
    const r = await this.read<Dockerode.ContainerInspectInfo>(
      'inspect container',
      idOrName,
      `${containerPath(idOrName)}/json`,
      (d) => d.getContainer(idOrName).inspect(),
      [404],
    );
    if (r === undefined) return undefined;
    const ports = Object.entries(r.NetworkSettings?.Ports ?? {}).flatMap(([key, bindings]) => {
      const [port, protocol] = key.split('/');
      return (bindings ?? [{ HostIp: undefined, HostPort: undefined }]).map((b) => ({
        containerPort: Number(port),
        protocol,
        hostIp: b.HostIp,
        hostPort: b.HostPort === undefined ? undefined : Number(b.HostPort),
      }));
    });
    const networks: Record<string, { networkId: string; ipAddress: string }> = {};
    for (const [name, n] of Object.entries(r.NetworkSettings?.Networks ?? {}))
      networks[name] = { networkId: n.NetworkID, ipAddress: n.IPAddress };
    return {
      id: r.Id,
      name: r.Name.replace(/^\//, ''),
      image: r.Config.Image,
      imageId: r.Image,
      state: r.State.Status,
      status: r.State.Status,
      health: r.State.Health?.Status as HealthStatus | undefined,
      labels: r.Config.Labels ?? {},
      ports,
      created: Math.floor(Date.parse(r.Created) / 1000),
      running: r.State.Running,
      exitCode: r.State.ExitCode,
      networks,
      mounts: (r.Mounts ?? []).map((m) => ({
        type: m.Type,
        name: m.Name,
        source: m.Source,
        target: m.Destination,
        readOnly: !m.RW,
      })),
    };
  }

  async createContainer(spec: ContainerCreateSpec): Promise<string> {
    const body = containerCreateBody(spec);
    const created = await this.engine<{ Id?: string }>(
      'create container',
      spec.name,
      { method: 'POST', path: `/containers/create${query(containerCreateQuery(spec))}`, body },
      async (d) => ({
        Id: (
          await d.createContainer({
            _query: containerCreateQuery(spec),
            _body: body,
          } as unknown as Dockerode.ContainerCreateOptions)
        ).id,
      }),
    );
    return createdId('create container', spec.name, created);
  }

  async startContainer(id: string): Promise<void> {
    await this.engine(
      'start container',
      id,
      { method: 'POST', path: `${containerPath(id)}/start` },
      (d) => d.getContainer(id).start(),
      [304],
    );
  }

  async stopContainer(id: string, timeoutSeconds?: number): Promise<void> {
    await this.engine(
      'stop container',
      id,
      { method: 'POST', path: `${containerPath(id)}/stop${query({ t: timeoutSeconds })}` },
      (d) => d.getContainer(id).stop(timeoutSeconds === undefined ? {} : { t: timeoutSeconds }),
      [304],
    );
  }

  async restartContainer(id: string, timeoutSeconds?: number): Promise<void> {
    await this.engine(
      'restart container',
      id,
      { method: 'POST', path: `${containerPath(id)}/restart${query({ t: timeoutSeconds })}` },
      (d) => d.getContainer(id).restart(timeoutSeconds === undefined ? {} : { t: timeoutSeconds }),
    );
  }

  async killContainer(id: string, signal?: string): Promise<void> {
    await this.engine(
      'kill container',
      id,
      { method: 'POST', path: `${containerPath(id)}/kill${query({ signal })}` },
      (d) => d.getContainer(id).kill(signal === undefined ? {} : { signal }),
      [409],
    );
  }

  async removeContainer(id: string, options: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    const flags = { force: options.force ?? false, v: options.volumes ?? false };
    await this.engine(
      'remove container',
      id,
      { method: 'DELETE', path: `${containerPath(id)}${query(flags)}` },
      (d) => d.getContainer(id).remove(flags),
      [404],
    );
  }

  async renameContainer(id: string, name: string): Promise<void> {
    await this.engine(
      'rename container',
      id,
      { method: 'POST', path: `${containerPath(id)}/rename${query({ name })}` },
      (d) => d.getContainer(id).rename({ name }),
    );
  }

  async containerLogs(id: string, options: LogOptions = {}): Promise<string> {
    const buf = await this.call('logs', id, (d) =>
      d.getContainer(id).logs({
        stdout: true,
        stderr: true,
        follow: false,
        timestamps: options.timestamps ?? false,
        tail: options.tail ?? 'all',
      } as Dockerode.ContainerLogsOptions & { follow: false }),
    );
    return buf === undefined ? '' : demuxDockerStream(Buffer.isBuffer(buf) ? buf : Buffer.from(String(buf)));
  }

  async exec(id: string, cmd: readonly string[]): Promise<{ exitCode: number; output: string }> {
    const result = await this.call('exec', id, async (d) => {
      const ex = await d.getContainer(id).exec({ Cmd: [...cmd], AttachStdout: true, AttachStderr: true });
      const stream = await ex.start({ hijack: true, stdin: false });
      const chunks: Buffer[] = [];
      await new Promise<void>((resolve, reject) => {
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => resolve());
        stream.on('error', reject);
      });
      const info = await ex.inspect();
      return { exitCode: info.ExitCode ?? -1, output: demuxDockerStream(Buffer.concat(chunks)) };
    });
    return result!;
  }

  async waitContainer(id: string): Promise<number> {
    const r = await this.engine(
      'wait container',
      id,
      { method: 'POST', path: `${containerPath(id)}/wait` },
      (d) => d.getContainer(id).wait() as Promise<{ StatusCode: number }>,
    );
    return r?.StatusCode ?? -1;
  }

  async inspectImage(ref: string): Promise<ImageSummary | undefined> {
    const r = await this.read<Dockerode.ImageInspectInfo>(
      'inspect image',
      ref,
      `/images/${ref}/json`,
      (d) => d.getImage(ref).inspect(),
      [404],
    );
    return r === undefined ? undefined : { id: r.Id, repoTags: r.RepoTags ?? [] };
  }

  async buildImage(spec: ImageBuildSpec, onProgress?: (e: BuildProgressEvent) => void): Promise<string> {
    return buildImageWith(await this.docker(), this.host, spec, onProgress);
  }

  async pullImage(
    ref: string,
    options: { auth?: RegistryAuth; onProgress?: (e: PullProgressEvent) => void } = {},
  ): Promise<void> {
    const d = await this.docker();
    let stream: NodeJS.ReadableStream;
    try {
      stream = (await d.pull(ref, options.auth ? { authconfig: options.auth } : {})) as NodeJS.ReadableStream;
    } catch (error) {
      const e = error as EngineError;
      if (e.code !== undefined && UNREACHABLE.has(e.code))
        throw new DockerUnavailableError(this.host, { cause: error });
      throw new ImagePullError(ref, e.json?.message ?? e.message ?? String(error), { cause: error });
    }
    type Line = {
      status?: string;
      id?: string;
      error?: string;
      errorDetail?: { message?: string };
      progressDetail?: { current?: number; total?: number };
    };
    const output = await new Promise<Line[]>((resolve, reject) => {
      d.modem.followProgress(
        stream,
        (err: Error | null, out: Line[]) =>
          err ? reject(new ImagePullError(ref, err.message, { cause: err })) : resolve(out),
        (line: Line) => {
          if (line.status !== undefined) {
            options.onProgress?.({
              image: ref,
              status: line.status,
              layer: line.id,
              current: line.progressDetail?.current,
              total: line.progressDetail?.total,
            });
          }
        },
      );
    });
    // followProgress resolves even when a line carries {"error": ...}: a failed pull must reject.
    const failed = output.find((l) => l.error !== undefined || l.errorDetail !== undefined);
    if (failed) throw new ImagePullError(ref, failed.errorDetail?.message ?? failed.error ?? 'error in pull stream');
  }

  async checkAuth(auth: RegistryAuth): Promise<void> {
    await this.engine('login', auth.serveraddress, { method: 'POST', path: '/auth', body: auth }, (d) =>
      d.checkAuth(auth),
    );
  }

  async listNetworks(labels: readonly string[]): Promise<NetworkSummary[]> {
    const rows =
      (await this.read<Dockerode.NetworkInspectInfo[]>(
        'list networks',
        labels.join(','),
        `/networks${query({ filters: { label: labels } })}`,
        (d) => d.listNetworks({ filters: labelFilters(labels) }),
      )) ?? [];
    return rows.map((n) => ({ id: n.Id, name: n.Name, labels: n.Labels ?? {} }));
  }

  async inspectNetwork(name: string): Promise<NetworkSummary | undefined> {
    const n = await this.read<Dockerode.NetworkInspectInfo>(
      'inspect network',
      name,
      `/networks/${encodeURIComponent(name)}`,
      (d) => d.getNetwork(name).inspect() as Promise<Dockerode.NetworkInspectInfo>,
      [404],
    );
    return n === undefined
      ? undefined
      : { id: n.Id, name: n.Name, labels: n.Labels ?? {}, containers: Object.keys(n.Containers ?? {}).length };
  }

  async createNetwork(spec: NetworkCreateSpec): Promise<string> {
    const body = networkCreateBody(spec);
    const created = await this.engine<{ Id?: string }>(
      'create network',
      spec.name,
      { method: 'POST', path: '/networks/create', body },
      async (d) => ({ Id: (await d.createNetwork(body as unknown as Dockerode.NetworkCreateOptions)).id }),
    );
    return createdId('create network', spec.name, created);
  }

  async removeNetwork(idOrName: string): Promise<void> {
    await this.engine(
      'remove network',
      idOrName,
      { method: 'DELETE', path: `/networks/${encodeURIComponent(idOrName)}` },
      (d) => d.getNetwork(idOrName).remove(),
      [404],
    );
  }

  async connectNetwork(
    network: string,
    container: string,
    aliases: readonly string[],
    address?: EndpointAddressSpec,
  ): Promise<void> {
    const body = { Container: container, EndpointConfig: endpointConfigBody(aliases, address) };
    await this.engine(
      'connect network',
      `${container} → ${network}`,
      { method: 'POST', path: `/networks/${encodeURIComponent(network)}/connect`, body },
      (d) => d.getNetwork(network).connect(body),
    );
  }

  async listVolumes(labels: readonly string[]): Promise<VolumeSummary[]> {
    const r = await this.read<{ Volumes: Dockerode.VolumeInspectInfo[] | null }>(
      'list volumes',
      labels.join(','),
      `/volumes${query({ filters: { label: labels } })}`,
      (d) => d.listVolumes({ filters: labelFilters(labels) }),
    );
    return (r?.Volumes ?? []).map((v) => ({ name: v.Name, labels: v.Labels ?? {} }));
  }

  async inspectVolume(name: string): Promise<VolumeSummary | undefined> {
    const v = await this.read<Dockerode.VolumeInspectInfo>(
      'inspect volume',
      name,
      `/volumes/${encodeURIComponent(name)}`,
      (d) => d.getVolume(name).inspect(),
      [404],
    );
    return v === undefined ? undefined : { name: v.Name, labels: v.Labels ?? {} };
  }

  async createVolume(spec: VolumeCreateSpec): Promise<void> {
    const body = volumeCreateBody(spec);
    await this.engine('create volume', spec.name, { method: 'POST', path: '/volumes/create', body }, (d) =>
      d.createVolume(body as Dockerode.VolumeCreateOptions),
    );
  }

  async removeVolume(name: string): Promise<void> {
    await this.engine(
      'remove volume',
      name,
      { method: 'DELETE', path: `/volumes/${encodeURIComponent(name)}` },
      (d) => d.getVolume(name).remove(),
      [404],
    );
  }
}
