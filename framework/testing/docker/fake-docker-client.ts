import { createHash } from 'node:crypto';
import {
  DockerApiError,
  DockerUnavailableError,
  ImagePullError,
  type ContainerCreateSpec,
  type ContainerDetails,
  type ContainerSummary,
  type DockerClient,
  type ImageBuildSpec,
  type ImageSummary,
  type NetworkSummary,
  type PublishedPort,
  type VolumeSummary,
} from '../../docker';
import type { FakeContainer, FakeDockerState } from './fake-docker-state';
import { emptyDockerState } from './fake-docker-state';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function matches(labels: Readonly<Record<string, string>>, filters: readonly string[]): boolean {
  return filters.every((f) => {
    const eq = f.indexOf('=');
    return eq < 0 ? f in labels : labels[f.slice(0, eq)] === f.slice(eq + 1);
  });
}

function imageIdOf(ref: string): string {
  return `sha256:${createHash('sha256').update(ref).digest('hex')}`;
}

/** `redis` and `redis:latest` are the same image. */
function withTag(ref: string): string {
  const last = ref.slice(ref.lastIndexOf('/') + 1);
  return last.includes(':') || last.includes('@') ? ref : `${ref}:latest`;
}

/**
 * An in-memory Docker daemon implementing {@link DockerClient}: containers, networks, volumes and
 * images kept as plain data ({@link FakeDockerState}), so a test can start from any daemon state
 * and read the one a hook left. Containers start instantly and report `healthy` when they have a
 * healthcheck. Pulls succeed unless the image is listed in `unpullable`. Deterministic ids.
 *
 * @example
 * ```ts
 * const docker = new FakeDockerClient({ images: [{ id: 'sha256:1', repoTags: ['redis:alpine'] }] });
 * await new Compose(dir, { docker }).up();
 * docker.snapshot().containers.map((c) => c.name);
 * ```
 */
/** Signals that end a process that does not handle them (and SIGKILL, which none can). */
const ENDING_SIGNALS = new Set(['KILL', 'TERM', 'INT', 'QUIT', '9', '15', '2', '3']);

export class FakeDockerClient implements DockerClient {
  readonly host = 'fake://rxcharm-testing';
  #s: Mutable<FakeDockerState> & {
    containers: FakeContainer[];
    networks: Array<FakeDockerState['networks'][number]>;
    volumes: Array<FakeDockerState['volumes'][number]>;
    images: Array<FakeDockerState['images'][number]>;
  };

  constructor(initial: Partial<FakeDockerState> = {}) {
    const s = structuredClone({ ...emptyDockerState(), ...initial });
    this.#s = {
      ...s,
      containers: [...s.containers],
      networks: [...s.networks],
      volumes: [...s.volumes],
      images: [...s.images],
    };
  }

  /** A copy of the daemon's current contents. */
  snapshot(): FakeDockerState {
    return structuredClone(this.#s);
  }

  /** The container's name for an id or name (for action records); the input when unknown. */
  nameOf(idOrName: string): string {
    return this.#find(idOrName)?.name ?? this.#s.networks.find((n) => n.id === idOrName)?.name ?? idOrName;
  }

  #up(): void {
    if (!this.#s.available)
      throw new DockerUnavailableError(this.host, {
        cause: new Error('connect ENOENT (simulated: daemon unavailable)'),
      });
  }

  #id(prefix: string): string {
    this.#s.serial += 1;
    return `${prefix}${String(this.#s.serial).padStart(12, '0')}`;
  }

  #find(idOrName: string): FakeContainer | undefined {
    return this.#s.containers.find(
      (c) => c.id === idOrName || c.name === idOrName || (idOrName.length >= 6 && c.id.startsWith(idOrName)),
    );
  }

  #must(op: string, idOrName: string): FakeContainer {
    const c = this.#find(idOrName);
    if (c === undefined) throw new DockerApiError(op, idOrName, 404, `No such container: ${idOrName}`);
    return c;
  }

  #replace(c: FakeContainer, patch: Partial<FakeContainer>): void {
    this.#s.containers = this.#s.containers.map((x) => (x.id === c.id ? { ...x, ...patch } : x));
  }

  #summary(c: FakeContainer): ContainerSummary {
    const ports: PublishedPort[] = [];
    for (const [key, bindings] of Object.entries(c.spec.portBindings)) {
      const [port, protocol = 'tcp'] = key.split('/');
      for (const b of bindings) {
        ports.push({
          containerPort: Number(port),
          protocol,
          hostIp: b.hostIp || '0.0.0.0',
          hostPort: b.hostPort === '' ? undefined : Number(b.hostPort),
        });
      }
    }
    const running = c.state === 'running';
    return {
      id: c.id,
      name: c.name,
      image: c.image,
      imageId: c.imageId,
      state: c.state,
      status: running ? 'Up' : c.state === 'created' ? 'Created' : 'Exited (0)',
      health: running && c.spec.healthcheck !== undefined ? 'healthy' : undefined,
      labels: { ...c.labels },
      ports,
      created: c.created,
    };
  }

  async ping(): Promise<void> {
    this.#up();
  }

  async version(): Promise<{ readonly version: string; readonly apiVersion: string }> {
    this.#up();
    return { version: '20.10.0-fake', apiVersion: '1.41' };
  }

  async listContainers(labels: readonly string[]): Promise<ContainerSummary[]> {
    this.#up();
    return this.#s.containers.filter((c) => matches(c.labels, labels)).map((c) => this.#summary(c));
  }

  async inspectContainer(idOrName: string): Promise<ContainerDetails | undefined> {
    this.#up();
    const c = this.#find(idOrName);
    if (c === undefined) return undefined;
    const networks = Object.fromEntries(
      c.networks.map((n, i) => [
        n,
        { networkId: this.#s.networks.find((x) => x.name === n)?.id ?? n, ipAddress: `172.20.0.${i + 2}` },
      ]),
    );
    const mounts = c.spec.mounts.map((m) => ({
      type: m.type,
      ...(m.type === 'volume' && m.source !== undefined ? { name: m.source } : {}),
      source: m.type === 'volume' ? `/var/lib/docker/volumes/${m.source ?? c.id}/_data` : (m.source ?? ''),
      target: m.target,
      readOnly: m.readOnly,
    }));
    return { ...this.#summary(c), running: c.state === 'running', exitCode: 0, networks, mounts };
  }

  async createContainer(spec: ContainerCreateSpec): Promise<string> {
    this.#up();
    if (this.#s.containers.some((c) => c.name === spec.name))
      throw new DockerApiError(
        'create container',
        spec.name,
        409,
        `Conflict. The container name "/${spec.name}" is already in use`,
      );
    const image = this.#s.images.find((i) => i.repoTags.includes(withTag(spec.image)) || i.id === spec.image);
    if (image === undefined)
      throw new DockerApiError('create container', spec.name, 404, `No such image: ${spec.image}`);
    const id = this.#id('c');
    const networks =
      spec.networkMode !== undefined &&
      !['host', 'none', 'bridge'].includes(spec.networkMode) &&
      !spec.networkMode.startsWith('container:')
        ? [spec.networkMode]
        : [];
    this.#s.containers.push(
      structuredClone({
        id,
        name: spec.name,
        image: spec.image,
        imageId: image.id,
        state: 'created',
        labels: { ...spec.labels },
        networks,
        spec,
        created: this.#s.serial,
      }),
    );
    return id;
  }

  async startContainer(id: string): Promise<void> {
    this.#up();
    this.#replace(this.#must('start container', id), { state: 'running' });
  }

  async stopContainer(id: string): Promise<void> {
    this.#up();
    const c = this.#must('stop container', id);
    if (c.state === 'running') this.#replace(c, { state: 'exited' });
  }

  async restartContainer(id: string): Promise<void> {
    this.#up();
    this.#replace(this.#must('restart container', id), { state: 'running' });
  }

  async killContainer(id: string, signal?: string): Promise<void> {
    this.#up();
    const c = this.#must('kill container', id);
    // The fake cannot know what the process does with a signal: the ones that end a process by
    // default end it here; the others are taken as handled (SIGHUP, SIGUSR1/2 ask for a reload).
    if (signal !== undefined && !ENDING_SIGNALS.has(signal.replace(/^SIG/, '').toUpperCase())) return;
    this.#replace(c, { state: 'exited' });
  }

  async removeContainer(id: string, options: { readonly force?: boolean } = {}): Promise<void> {
    this.#up();
    const c = this.#find(id);
    if (c === undefined) return;
    if (c.state === 'running' && options.force !== true)
      throw new DockerApiError(
        'remove container',
        c.name,
        409,
        'You cannot remove a running container; stop it first or use force',
      );
    this.#s.containers = this.#s.containers.filter((x) => x.id !== c.id);
  }

  async renameContainer(id: string, name: string): Promise<void> {
    this.#up();
    this.#replace(this.#must('rename container', id), { name });
  }

  async containerLogs(id: string): Promise<string> {
    this.#up();
    this.#must('logs', id);
    return '';
  }

  async exec(id: string): Promise<{ readonly exitCode: number; readonly output: string }> {
    this.#up();
    const c = this.#must('exec', id);
    if (c.state !== 'running') throw new DockerApiError('exec', c.name, 409, `Container ${c.id} is not running`);
    return { exitCode: 0, output: '' };
  }

  async waitContainer(id: string): Promise<number> {
    this.#up();
    this.#replace(this.#must('wait', id), { state: 'exited' });
    return 0;
  }

  async inspectImage(ref: string): Promise<ImageSummary | undefined> {
    this.#up();
    return this.#s.images.find((i) => i.repoTags.includes(withTag(ref)) || i.id === ref);
  }

  async pullImage(ref: string): Promise<void> {
    this.#up();
    if (this.#s.unpullable.includes(ref) || this.#s.unpullable.includes(withTag(ref))) {
      throw new ImagePullError(ref, `pull access denied for ${ref} (simulated: no registry has it)`);
    }
    if (this.#s.images.some((i) => i.repoTags.includes(withTag(ref)))) return;
    this.#s.images.push({ id: imageIdOf(withTag(ref)), repoTags: [withTag(ref)] });
  }

  /** Records an image tagged with every tag of the spec; the id derives from the first tag and the context. */
  async buildImage(spec: ImageBuildSpec): Promise<string> {
    this.#up();
    const tags = spec.tags.map(withTag);
    const id = imageIdOf(`${tags[0] ?? ''}@${spec.context}`);
    for (const image of this.#s.images) {
      const kept = image.repoTags.filter((t) => !tags.includes(t));
      if (kept.length !== image.repoTags.length)
        this.#s.images[this.#s.images.indexOf(image)] = { ...image, repoTags: kept };
    }
    this.#s.images.push({ id, repoTags: tags });
    return id;
  }

  async checkAuth(): Promise<void> {
    this.#up();
  }

  async listNetworks(labels: readonly string[]): Promise<NetworkSummary[]> {
    this.#up();
    return this.#s.networks.filter((n) => matches(n.labels, labels)).map((n) => ({ ...n, labels: { ...n.labels } }));
  }

  async inspectNetwork(name: string): Promise<NetworkSummary | undefined> {
    this.#up();
    const n = this.#s.networks.find((x) => x.name === name || x.id === name);
    return n === undefined
      ? undefined
      : {
          ...n,
          labels: { ...n.labels },
          containers: this.#s.containers.filter((c) => c.networks.includes(n.name)).length,
        };
  }

  async createNetwork(spec: {
    readonly name: string;
    readonly labels: Readonly<Record<string, string>>;
  }): Promise<string> {
    this.#up();
    if (this.#s.networks.some((n) => n.name === spec.name))
      throw new DockerApiError('create network', spec.name, 409, `network with name ${spec.name} already exists`);
    const id = this.#id('n');
    this.#s.networks.push({ id, name: spec.name, labels: { ...spec.labels } });
    return id;
  }

  async removeNetwork(idOrName: string): Promise<void> {
    this.#up();
    const n = this.#s.networks.find((x) => x.name === idOrName || x.id === idOrName);
    if (n === undefined) return;
    if (this.#s.containers.some((c) => c.networks.includes(n.name)))
      throw new DockerApiError(
        'remove network',
        n.name,
        403,
        `error while removing network: network ${n.name} has active endpoints`,
      );
    this.#s.networks = this.#s.networks.filter((x) => x.id !== n.id);
  }

  async connectNetwork(network: string, container: string): Promise<void> {
    this.#up();
    const c = this.#must('connect network', container);
    if (!this.#s.networks.some((n) => n.name === network || n.id === network))
      throw new DockerApiError('connect network', network, 404, `network ${network} not found`);
    if (!c.networks.includes(network)) this.#replace(c, { networks: [...c.networks, network] });
  }

  async listVolumes(labels: readonly string[]): Promise<VolumeSummary[]> {
    this.#up();
    return this.#s.volumes.filter((v) => matches(v.labels, labels)).map((v) => ({ ...v, labels: { ...v.labels } }));
  }

  async inspectVolume(name: string): Promise<VolumeSummary | undefined> {
    this.#up();
    return this.#s.volumes.find((v) => v.name === name);
  }

  async createVolume(spec: {
    readonly name: string;
    readonly labels: Readonly<Record<string, string>>;
  }): Promise<void> {
    this.#up();
    if (!this.#s.volumes.some((v) => v.name === spec.name))
      this.#s.volumes.push({ name: spec.name, labels: { ...spec.labels } });
  }

  async removeVolume(name: string): Promise<void> {
    this.#up();
    this.#s.volumes = this.#s.volumes.filter((v) => v.name !== name);
  }
}
