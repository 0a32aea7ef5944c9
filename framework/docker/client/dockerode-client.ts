import type Dockerode from 'dockerode';
import { DockerApiError, DockerUnavailableError, ImagePullError } from '../errors';
import type { DockerClient } from '../../charm/docker-client';
import type { DockerTlsOptions } from './docker-env';
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
import { followEngineStream, UNREACHABLE, type EngineStreamLine } from './engine-stream';
import { engineRequest, query, type EngineRequest } from './engine-http';
import type * as Engine from '../../charm/docker-types';

interface EngineError {
  readonly statusCode?: number;
  readonly code?: string;
  readonly json?: { readonly message?: string } | null;
  readonly message?: string;
}

function healthOf(status: string | undefined): Engine.HealthStatus | undefined {
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

/** Options of {@link DockerodeClient}. */
export interface DockerodeClientOptions {
  /** `docker_host`: unix socket path / `unix://` URL or `tcp://host:port`; default `/var/run/docker.sock`. */
  readonly host?: string;
  /** Per-request timeout in milliseconds (dockerode `timeout`); none by default. */
  readonly timeoutMs?: number;
  /**
   * TLS for a `tcp://` host (see `dockerSettingsFromEnv` for the Docker CLI's variables); an
   * `https://` host without it verifies the daemon against the system's authorities.
   */
  readonly tls?: DockerTlsOptions;
}

/**
 * `DockerClient` on the Engine API, over a unix socket, plain tcp or TLS alike. Each call has one
 * implementation: the request/response calls (ping, list, inspect, create, start, stop, remove,
 * wait, logs, networks, volumes, login) go through {@link engineRequest}; dockerode, loaded on
 * first use, serves the two streams it is good at: image pulls with their progress lines, and
 * exec's attached output. So `compose up`, `down` and a hook's ping never load dockerode.
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
    this.connection = parseDockerHost(options.host, options.tls);
    this.host = this.connection.display;
    this.timeoutMs = options.timeoutMs;
  }

  private docker(): Promise<Dockerode> {
    this.api ??= import('dockerode').then(async (mod) => {
      const Ctor = (mod as unknown as { default?: typeof Dockerode }).default ?? (mod as unknown as typeof Dockerode);
      const c = this.connection;
      const timeout = this.timeoutMs === undefined ? {} : { timeout: this.timeoutMs };
      if (c.kind === 'socket') return new Ctor({ socketPath: c.socketPath, ...timeout });
      const target = { host: c.host, port: c.port, protocol: c.protocol, ...timeout };
      if (c.tls === undefined) return new Ctor(target);
      const { ca, cert, key, verify } = c.tls;
      // docker-modem has no switch for verification: an agent that skips it carries the choice.
      const agent = verify ? {} : { agent: new (await import('node:https')).Agent({ rejectUnauthorized: false }) };
      return new Ctor({ ...target, ca, cert, key, ...agent } as Dockerode.DockerOptions);
    });
    return this.api;
  }

  /** A stream call on dockerode, with {@link guard}'s error mapping. */
  private async stream<T>(
    operation: string,
    subject: string,
    fn: (d: Dockerode) => Promise<T>,
  ): Promise<T | undefined> {
    return this.guard(operation, subject, async () => fn(await this.docker()), []);
  }

  /**
   * One request/response call ({@link engineRequest}); a bare path is a GET. Answers with a status
   * in `ok` resolve to `undefined`.
   */
  private request<T>(
    operation: string,
    subject: string,
    call: EngineRequest | string,
    ok: readonly number[] = [],
  ): Promise<T | undefined> {
    const req = typeof call === 'string' ? { method: 'GET' as const, path: call } : call;
    return this.guard(
      operation,
      subject,
      () => engineRequest<T>(this.connection, { ...req, timeoutMs: this.timeoutMs }),
      ok,
    );
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
    await this.request('ping', this.host, '/_ping');
  }

  async version(): Promise<{ version: string; apiVersion: string }> {
    const v = await this.request<Dockerode.DockerVersion>('version', this.host, '/version');
    return { version: v?.Version ?? '', apiVersion: v?.ApiVersion ?? '' };
  }

  async listContainers(labels: readonly string[]): Promise<Engine.ContainerSummary[]> {
    const rows =
      (await this.request<Dockerode.ContainerInfo[]>(
        'list containers',
        labels.join(','),
        `/containers/json${query({ all: true, filters: { label: labels } })}`,
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

  async inspectContainer(idOrName: string): Promise<Engine.ContainerDetails | undefined> {
    const r = await this.request<Dockerode.ContainerInspectInfo>(
      'inspect container',
      idOrName,
      `${containerPath(idOrName)}/json`,
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
      health: r.State.Health?.Status as Engine.HealthStatus | undefined,
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

  async createContainer(spec: Engine.ContainerCreateSpec): Promise<string> {
    const created = await this.request<{ Id?: string }>('create container', spec.name, {
      method: 'POST',
      path: `/containers/create${query(containerCreateQuery(spec))}`,
      body: containerCreateBody(spec),
    });
    return createdId('create container', spec.name, created);
  }

  async startContainer(id: string): Promise<void> {
    await this.request('start container', id, { method: 'POST', path: `${containerPath(id)}/start` }, [304]);
  }

  async stopContainer(id: string, timeoutSeconds?: number): Promise<void> {
    const path = `${containerPath(id)}/stop${query({ t: timeoutSeconds })}`;
    await this.request('stop container', id, { method: 'POST', path }, [304]);
  }

  async restartContainer(id: string, timeoutSeconds?: number): Promise<void> {
    const path = `${containerPath(id)}/restart${query({ t: timeoutSeconds })}`;
    await this.request('restart container', id, { method: 'POST', path });
  }

  async killContainer(id: string, signal?: string): Promise<void> {
    const path = `${containerPath(id)}/kill${query({ signal })}`;
    await this.request('kill container', id, { method: 'POST', path }, [409]);
  }

  async removeContainer(id: string, options: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    const path = `${containerPath(id)}${query({ force: options.force ?? false, v: options.volumes ?? false })}`;
    await this.request('remove container', id, { method: 'DELETE', path }, [404]);
  }

  async renameContainer(id: string, name: string): Promise<void> {
    const path = `${containerPath(id)}/rename${query({ name })}`;
    await this.request('rename container', id, { method: 'POST', path });
  }

  async containerLogs(id: string, options: Engine.LogOptions = {}): Promise<string> {
    const flags = { stdout: true, stderr: true, timestamps: options.timestamps ?? false, tail: options.tail ?? 'all' };
    const path = `${containerPath(id)}/logs${query(flags)}`;
    const bytes = await this.request<Buffer>('logs', id, { method: 'GET', path, binary: true });
    return bytes === undefined ? '' : demuxDockerStream(bytes);
  }

  async exec(id: string, cmd: readonly string[]): Promise<{ exitCode: number; output: string }> {
    const result = await this.stream('exec', id, async (d) => {
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
    const path = `${containerPath(id)}/wait`;
    const r = await this.request<{ StatusCode: number }>('wait container', id, { method: 'POST', path });
    return r?.StatusCode ?? -1;
  }

  async inspectImage(ref: string): Promise<Engine.ImageSummary | undefined> {
    const r = await this.request<Dockerode.ImageInspectInfo>('inspect image', ref, `/images/${ref}/json`, [404]);
    return r === undefined ? undefined : { id: r.Id, repoTags: r.RepoTags ?? [] };
  }

  async buildImage(spec: Engine.ImageBuildSpec, onProgress?: (e: Engine.BuildProgressEvent) => void): Promise<string> {
    return buildImageWith(await this.docker(), this.host, spec, onProgress);
  }

  async pullImage(
    ref: string,
    options: { auth?: Engine.RegistryAuth; onProgress?: (e: Engine.PullProgressEvent) => void } = {},
  ): Promise<void> {
    const d = await this.docker();
    type Line = EngineStreamLine & {
      status?: string;
      id?: string;
      progressDetail?: { current?: number; total?: number };
    };
    await followEngineStream<Line>(d, {
      host: this.host,
      start: async () => (await d.pull(ref, options.auth ? { authconfig: options.auth } : {})) as NodeJS.ReadableStream,
      onLine: (line) => {
        if (line.status === undefined) return;
        options.onProgress?.({
          image: ref,
          status: line.status,
          layer: line.id,
          current: line.progressDetail?.current,
          total: line.progressDetail?.total,
        });
      },
      fail: (message, cause) => new ImagePullError(ref, message, cause === undefined ? undefined : { cause }),
    });
  }

  async checkAuth(auth: Engine.RegistryAuth): Promise<void> {
    await this.request('login', auth.serveraddress, { method: 'POST', path: '/auth', body: auth });
  }

  async listNetworks(labels: readonly string[]): Promise<Engine.NetworkSummary[]> {
    const rows =
      (await this.request<Dockerode.NetworkInspectInfo[]>(
        'list networks',
        labels.join(','),
        `/networks${query({ filters: { label: labels } })}`,
      )) ?? [];
    return rows.map((n) => ({ id: n.Id, name: n.Name, labels: n.Labels ?? {} }));
  }

  async inspectNetwork(name: string): Promise<Engine.NetworkSummary | undefined> {
    const path = `/networks/${encodeURIComponent(name)}`;
    const n = await this.request<Dockerode.NetworkInspectInfo>('inspect network', name, path, [404]);
    return n === undefined
      ? undefined
      : { id: n.Id, name: n.Name, labels: n.Labels ?? {}, containers: Object.keys(n.Containers ?? {}).length };
  }

  async createNetwork(spec: Engine.NetworkCreateSpec): Promise<string> {
    const created = await this.request<{ Id?: string }>('create network', spec.name, {
      method: 'POST',
      path: '/networks/create',
      body: networkCreateBody(spec),
    });
    return createdId('create network', spec.name, created);
  }

  async removeNetwork(idOrName: string): Promise<void> {
    const path = `/networks/${encodeURIComponent(idOrName)}`;
    await this.request('remove network', idOrName, { method: 'DELETE', path }, [404]);
  }

  async connectNetwork(
    network: string,
    container: string,
    aliases: readonly string[],
    address?: Engine.EndpointAddressSpec,
  ): Promise<void> {
    await this.request('connect network', `${container} → ${network}`, {
      method: 'POST',
      path: `/networks/${encodeURIComponent(network)}/connect`,
      body: { Container: container, EndpointConfig: endpointConfigBody(aliases, address) },
    });
  }

  async listVolumes(labels: readonly string[]): Promise<Engine.VolumeSummary[]> {
    const r = await this.request<{ Volumes: Dockerode.VolumeInspectInfo[] | null }>(
      'list volumes',
      labels.join(','),
      `/volumes${query({ filters: { label: labels } })}`,
    );
    return (r?.Volumes ?? []).map((v) => ({ name: v.Name, labels: v.Labels ?? {} }));
  }

  async inspectVolume(name: string): Promise<Engine.VolumeSummary | undefined> {
    const path = `/volumes/${encodeURIComponent(name)}`;
    const v = await this.request<Dockerode.VolumeInspectInfo>('inspect volume', name, path, [404]);
    return v === undefined ? undefined : { name: v.Name, labels: v.Labels ?? {} };
  }

  async createVolume(spec: Engine.VolumeCreateSpec): Promise<void> {
    await this.request('create volume', spec.name, {
      method: 'POST',
      path: '/volumes/create',
      body: volumeCreateBody(spec),
    });
  }

  async removeVolume(name: string): Promise<void> {
    const path = `/volumes/${encodeURIComponent(name)}`;
    await this.request('remove volume', name, { method: 'DELETE', path }, [404]);
  }
}
