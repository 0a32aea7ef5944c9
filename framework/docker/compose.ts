import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { DockerClient } from '../charm/docker-client';
import type { BuildProgressEvent, ContainerSummary, PullProgressEvent } from '../charm/docker-types';
import { specForm, type SpecDocument } from './compose-config';
import { locateComposeFile, readDotEnv } from './compose-file';
import type { ComposeEventListener } from './engine/compose-event';
import { desiredState, type DesiredState } from './engine/desired-state';
import { execute } from './engine/execute';
import { projectName } from './engine/naming';
import { observe, type ObservedState } from './engine/observed-state';
import { buildService } from './engine/build-service';
import { checkExternalResources } from './engine/external-resources';
import { plan, withDependencies, type PlanAction } from './engine/plan';
import { ComposeFileError, ComposeUsageError, ImagePullError } from './errors';
import type { PullReporter } from './pull-progress';
import { LABEL_CONTAINER_NUMBER, LABEL_SERVICE, projectFilter } from './labels';
import { readCachedModel, recordingEnv, writeCachedModel } from './model-cache';
import { parseComposeFiles } from './model/parse-compose';
import { selectProfiles } from './model/select-profiles';
import { withDefaultHostIp } from './model/default-host-ip';
import type { ComposeModel } from './model/types';

/** Options of {@link Compose}. */
export interface ComposeOptions {
  /** Project name; default: the file's `name:`, else the workspace directory's basename (normalized). */
  readonly project?: string;
  /**
   * Compose file, relative to the workspace; default `docker-compose.yml` (or `.yaml`,
   * `compose.yaml`, `compose.yml`). Several files are merged in order, as `-f a -f b` in compose.
   */
  readonly file?: string | readonly string[];
  /**
   * The engine client (a hook's `this.docker`, a `DockerodeClient`, a test's fake). Compose never
   * makes one of its own: whoever runs it decides which daemon it talks to.
   */
  readonly docker: DockerClient;
  /** Interpolation variables, merged over the workspace's `.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Extra labels put on every container, network and volume `up` creates (e.g. an owner or test
   * run id). Applied at creation only: they are not part of the config hash.
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Host IP for published ports that name none (`"5000:80"`), e.g. the unit's own address, so
   * several units on one host can each publish the same port. Default: every host address.
   */
  readonly defaultHostIp?: string;
  /** Remove containers of services that left the file on `up` (default true). */
  readonly removeOrphans?: boolean;
  /**
   * Directory for a cache of parsed models (the CLI uses one under the temp dir): a hit skips YAML
   * parsing and is only used when the file, the variables it read and its env files are unchanged.
   */
  readonly cacheDir?: string;
  readonly onEvent?: ComposeEventListener;
  readonly onWarning?: (message: string) => void;
  readonly onPullProgress?: (event: PullProgressEvent) => void;
  /** Creates a reporter per pulled image (e.g. `createPullReporter` for a progress bar on a TTY); wins over `onPullProgress`. */
  readonly pullReporter?: (image: string) => Promise<PullReporter>;
  /** Active profiles (`--profile`, `COMPOSE_PROFILES`); services with other profiles do not run. */
  readonly profiles?: readonly string[];
  /** Receives each line of image build output (`build:` services). */
  readonly onBuildProgress?: (event: BuildProgressEvent) => void;
  /** Injected wait (tests); default `setTimeout`. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A container of the project as `ps` reports it. */
export interface ComposeContainer {
  readonly id: string;
  readonly name: string;
  readonly service: string;
  readonly number: number;
  readonly state: string;
  readonly status: string;
  readonly ports: ContainerSummary['ports'];
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

interface Loaded {
  readonly model: ComposeModel;
  readonly project: string;
  /** Services disabled by their profiles. */
  readonly inactive?: readonly string[];
}

/** Options of {@link Compose.up}. */
export interface UpOptions {
  /** Build the images of `build:` services first (`up --build`). */
  readonly build?: boolean;
}

/**
 * A compose project in a workspace directory, with the charms.docker verbs.
 * `up` converges as observe → plan → execute and returns the plan it carried out.
 *
 * @example
 * ```ts
 * const compose = new Compose('/srv/app', { project: 'app', docker: new DockerodeClient() });
 * const actions = await compose.up();      // create, recreate, start... only what changed
 * await compose.down({ volumes: true });
 * ```
 */
export class Compose {
  readonly workspaceDir: string;
  readonly docker: DockerClient;
  private readonly options: ComposeOptions;
  private readonly scaleOverrides: Record<string, number> = {};

  constructor(workspaceDir: string, options: ComposeOptions) {
    this.workspaceDir = resolve(workspaceDir);
    this.options = options;
    this.docker = options.docker;
  }

  /** Absolute path of the (first) compose file. @throws ComposeFileError when missing. */
  get file(): string {
    return this.files[0];
  }

  /** Absolute paths of the compose files, in merge order. @throws ComposeFileError when one is missing. */
  get files(): string[] {
    const given = this.options.file;
    if (given === undefined || typeof given === 'string') return [locateComposeFile(this.workspaceDir, given)];
    return given.length === 0
      ? [locateComposeFile(this.workspaceDir)]
      : given.map((f) => locateComposeFile(this.workspaceDir, f));
  }

  /** Reads and parses the compose files (again on every call, so edits are seen; see `cacheDir`). */
  load(): Loaded {
    const files = this.files;
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    // The cache is keyed by the list of files and their texts together.
    const file = files.join('\n');
    const text = texts.join('\0');
    const { cacheDir, onWarning } = this.options;
    const osEnv = this.options.env ?? {};
    const env = {
      ...readDotEnv(this.workspaceDir, osEnv, (name) =>
        onWarning?.(`The "${name}" variable is not set (in .env). Defaulting to a blank string.`),
      ),
      ...definedOnly(osEnv),
    };
    const home = homedir();
    const cached = cacheDir === undefined ? undefined : readCachedModel(cacheDir, file, text, env, home);
    let model: ComposeModel;
    if (cached !== undefined) {
      cached.warnings.forEach((w) => onWarning?.(w));
      model = cached.model;
    } else {
      const recording = recordingEnv(env);
      const warnings: string[] = [];
      model = parseComposeFiles(
        files.map((f, i) => ({ file: f, text: texts[i] })),
        {
          file: files[0],
          env: recording.env,
          home,
          onWarning: (w) => {
            warnings.push(w);
            onWarning?.(w);
          },
        },
      );
      if (cacheDir !== undefined) writeCachedModel(cacheDir, file, text, recording.used, home, model, warnings);
    }
    const hostIp = this.options.defaultHostIp;
    if (hostIp !== undefined && hostIp !== '') model = withDefaultHostIp(model, hostIp);
    // COMPOSE_PROJECT_NAME may also come from the environment or `.env`, after an explicit name.
    return {
      model,
      project: projectName(this.options.project ?? env.COMPOSE_PROJECT_NAME, model.name, this.workspaceDir),
    };
  }

  /**
   * Like {@link load}, but when the compose file is gone and the project name was given, returns a
   * project with no services: `down`, `stop`, `ps`, `logs`... then work from labels alone.
   */
  private loadForExisting(): Loaded {
    if (this.options.project !== undefined && !this.hasFile()) {
      return {
        project: projectName(this.options.project, undefined, this.workspaceDir),
        model: { file: '', workingDir: this.workspaceDir, services: {}, networks: {}, volumes: {} },
      };
    }
    return this.load();
  }

  private hasFile(): boolean {
    try {
      return this.files.length > 0;
    } catch (error) {
      if (error instanceof ComposeFileError) return false;
      throw error;
    }
  }

  /** The loaded project narrowed to the active profiles (plus `service`, when named, and its dependencies). */
  private loadActive(service?: string): Loaded {
    const loaded = this.load();
    if (service !== undefined && !(service in loaded.model.services)) return loaded;
    const selected = selectProfiles(loaded.model, this.options.profiles ?? [], service === undefined ? [] : [service]);
    return { ...loaded, model: selected.model, inactive: selected.inactive };
  }

  /** The project name. */
  get project(): string {
    return this.load().project;
  }

  private async observeAll(loaded: Loaded): Promise<{ desired: DesiredState; observed: ObservedState }> {
    const skeleton = desiredState(loaded.model, {
      project: loaded.project,
      configFiles: this.files,
      imageIds: {},
      scale: this.scaleOverrides,
      labels: this.options.labels,
      inactiveServices: loaded.inactive,
    });
    const observed = await observe(this.docker, {
      project: loaded.project,
      // External ones too: `checkExternalResources` refuses a missing one before anything is created.
      networks: skeleton.networks.map((n) => n.name),
      volumes: skeleton.volumes.map((v) => v.name),
      images: skeleton.services.map((s) => s.image),
    });
    const desired = desiredState(loaded.model, {
      project: loaded.project,
      configFiles: this.files,
      imageIds: observed.images,
      scale: this.scaleOverrides,
      labels: this.options.labels,
      inactiveServices: loaded.inactive,
    });
    return { desired, observed };
  }

  private checkService(loaded: Loaded, service: string | undefined): void {
    if (service !== undefined && !(service in loaded.model.services)) {
      throw new ComposeUsageError(
        `no such service: ${service}\nservices: ${Object.keys(loaded.model.services).join(', ')}`,
        { service },
      );
    }
  }

  /**
   * The resolved project in the compose specification's form (interpolated, env files folded in,
   * long forms, engine names), as `docker compose config` prints it. Reads only the files.
   */
  config(): SpecDocument {
    const loaded = this.load();
    return specForm(loaded.model, loaded.project);
  }

  /** Dry run: the actions `up(service?)` would take now, with reasons. Reads only. */
  async plan(service?: string): Promise<PlanAction[]> {
    const loaded = this.loadActive(service);
    this.checkService(loaded, service);
    const { desired, observed } = await this.observeAll(loaded);
    checkExternalResources(desired, observed, service === undefined ? undefined : withDependencies(desired, [service]));
    return plan(desired, observed, {
      services: service === undefined ? undefined : [service],
      removeOrphans: this.options.removeOrphans,
    });
  }

  /**
   * Converges the project (or one service and its dependencies): pulls missing images, creates
   * networks and volumes, removes orphans, creates/recreates/starts containers. A no-op when
   * nothing changed (zero API writes).
   *
   * @returns the plan that was carried out.
   * @throws ImagePullError, ComposeDependencyError, ComposeExternalResourceError, DockerUnavailableError, DockerApiError, ComposeFileError.
   */
  async up(service?: string, options: UpOptions = {}): Promise<PlanAction[]> {
    const loaded = this.loadActive(service);
    this.checkService(loaded, service);
    let { desired, observed } = await this.observeAll(loaded);
    // The service and everything it depends on, transitively: what the plan converges.
    const converged = service === undefined ? undefined : withDependencies(desired, [service]);
    checkExternalResources(desired, observed, converged);
    const targets = desired.services.filter((s) => converged === undefined || converged.has(s.name));
    const running = targets.filter((s) => s.scale > 0);
    // A `build:` service builds when asked (`--build`, `pull_policy: build`) or when its image is
    // missing; any other image is pulled when missing, or on every `up` with `pull_policy: always`.
    const toBuild = running.filter(
      (s) => s.build !== undefined && (options.build === true || s.pullPolicy === 'build' || s.imageId === undefined),
    );
    const built = new Set(toBuild.map((s) => s.image));
    const toPull = running.filter(
      (s) => !built.has(s.image) && s.build === undefined && (s.imageId === undefined || s.pullPolicy === 'always'),
    );
    const never = toPull.find((s) => s.pullPolicy === 'never');
    if (never !== undefined)
      throw new ImagePullError(
        never.image,
        `service "${never.name}" has pull_policy never and the image is not present`,
      );
    for (const svc of toBuild) await this.buildOne(loaded, svc.name, svc.image);
    const missing = [...new Set(toPull.map((s) => s.image))];
    await Promise.all(missing.map((ref) => this.pullOne(ref)));
    if (toBuild.length > 0 || missing.length > 0) ({ desired, observed } = await this.observeAll(loaded));
    const actions = plan(desired, observed, {
      services: service === undefined ? undefined : [service],
      removeOrphans: this.options.removeOrphans,
    });
    await execute(actions, desired, this.docker, { onEvent: this.options.onEvent, sleep: this.options.sleep });
    return actions;
  }

  /** Sets a service's scale (overriding the file for this instance) and converges it. */
  async scale(service: string, n: number): Promise<PlanAction[]> {
    if (!Number.isInteger(n) || n < 0)
      throw new ComposeUsageError(`invalid scale for ${service}: ${n}`, { service, scale: n });
    this.checkService(this.load(), service);
    this.scaleOverrides[service] = n;
    return this.up(service);
  }

  private async buildOne(loaded: Loaded, service: string, image: string): Promise<void> {
    this.options.onEvent?.({ resource: `Image ${image}`, status: 'Building' });
    await buildService(this.docker, loaded.model.services[service], image, this.options.onBuildProgress);
    this.options.onEvent?.({ resource: `Image ${image}`, status: 'Built' });
  }

  /**
   * Builds the images of the `build:` services (or of one), tagged with their `image:` or
   * `<project>-<service>`. @throws ImageBuildError, ComposeUsageError (a named service without `build:`).
   */
  async build(service?: string): Promise<void> {
    const loaded = this.loadActive(service);
    this.checkService(loaded, service);
    const services = Object.values(loaded.model.services).filter(
      (s) => (service === undefined || s.name === service) && s.build !== undefined,
    );
    if (service !== undefined && services.length === 0)
      throw new ComposeUsageError(`service "${service}" has no build section`, { service });
    const images = desiredState(loaded.model, { project: loaded.project, configFiles: [], imageIds: {} }).services;
    for (const svc of services) await this.buildOne(loaded, svc.name, images.find((s) => s.name === svc.name)!.image);
  }

  private async pullOne(ref: string): Promise<void> {
    this.options.onEvent?.({ resource: `Image ${ref}`, status: 'Pulling' });
    const reporter = await this.options.pullReporter?.(ref);
    try {
      await this.docker.pullImage(ref, { onProgress: reporter?.onProgress ?? this.options.onPullProgress });
    } finally {
      reporter?.done();
    }
    this.options.onEvent?.({ resource: `Image ${ref}`, status: 'Pulled' });
  }

  /** Pulls the images of every service (or one). @throws ImagePullError. */
  async pull(service?: string): Promise<void> {
    const loaded = this.loadActive(service);
    this.checkService(loaded, service);
    // Images a `build:` builds are not pulled (docker compose v2's --ignore-buildable).
    const refs = Object.values(loaded.model.services)
      .filter((s) => (service === undefined || s.name === service) && s.build === undefined)
      .map((s) => s.image);
    await Promise.all([...new Set(refs)].map((ref) => this.pullOne(ref)));
  }

  private async containers(project: string, service?: string): Promise<ContainerSummary[]> {
    const labels = [projectFilter(project), ...(service === undefined ? [] : [`${LABEL_SERVICE}=${service}`])];
    return this.docker.listContainers(labels);
  }

  /** Containers of the project (all states), sorted by service and number. */
  async ps(): Promise<ComposeContainer[]> {
    const { project } = this.loadForExisting();
    const rows = await this.containers(project);
    return rows
      .map((c) => ({
        id: c.id,
        name: c.name,
        service: c.labels[LABEL_SERVICE] ?? '',
        number: Number(c.labels[LABEL_CONTAINER_NUMBER] ?? 0),
        state: c.state,
        status: c.status,
        ports: c.ports,
      }))
      .sort((a, b) => (a.service === b.service ? a.number - b.number : a.service < b.service ? -1 : 1));
  }

  /** Service names in reverse dependency order (dependents first), for stop/down. */
  private reverseOrder(loaded: Loaded): string[] {
    return desiredState(loaded.model, { project: loaded.project, configFiles: [], imageIds: {} })
      .services.map((s) => s.name)
      .reverse();
  }

  private stopTimeout(loaded: Loaded, service: string): number {
    return loaded.model.services[service]?.stopGracePeriodSeconds ?? 10;
  }

  /** Runs `fn` over the project's containers (or one service's), dependents before their dependencies. */
  private async eachContainer(
    service: string | undefined,
    fn: (c: ContainerSummary, loaded: Loaded) => Promise<void>,
    order: 'reverse' | 'forward' = 'reverse',
  ): Promise<void> {
    const loaded = this.loadForExisting();
    if (loaded.model.file !== '') this.checkService(loaded, service);
    const all = await this.containers(loaded.project, service);
    const names = this.reverseOrder(loaded);
    if (order === 'forward') names.reverse();
    const groups = [
      all.filter((c) => !names.includes(c.labels[LABEL_SERVICE] ?? '')),
      ...names.map((n) => all.filter((c) => c.labels[LABEL_SERVICE] === n)),
    ];
    for (const group of groups) await Promise.all(group.map((c) => fn(c, loaded)));
  }

  /** Stops the project's containers (or one service's), dependents first. */
  async stop(service?: string): Promise<void> {
    await this.eachContainer(service, async (c, loaded) => {
      this.options.onEvent?.({ resource: `Container ${c.name}`, status: 'Stopping' });
      await this.docker.stopContainer(c.id, this.stopTimeout(loaded, c.labels[LABEL_SERVICE] ?? ''));
      this.options.onEvent?.({ resource: `Container ${c.name}`, status: 'Stopped' });
    });
  }

  /** Starts existing containers (or one service's), dependencies first. Creates nothing. */
  async start(service?: string): Promise<void> {
    await this.eachContainer(
      service,
      async (c) => {
        this.options.onEvent?.({ resource: `Container ${c.name}`, status: 'Starting' });
        await this.docker.startContainer(c.id);
        this.options.onEvent?.({ resource: `Container ${c.name}`, status: 'Started' });
      },
      'forward',
    );
  }

  /** Restarts the project's containers (or one service's). */
  async restart(service?: string): Promise<void> {
    await this.eachContainer(
      service,
      async (c, loaded) => {
        this.options.onEvent?.({ resource: `Container ${c.name}`, status: 'Restarting' });
        await this.docker.restartContainer(c.id, this.stopTimeout(loaded, c.labels[LABEL_SERVICE] ?? ''));
        this.options.onEvent?.({ resource: `Container ${c.name}`, status: 'Restarted' });
      },
      'forward',
    );
  }

  /** Sends a signal (default SIGKILL) to running containers. */
  async kill(service?: string, signal?: string): Promise<void> {
    await this.eachContainer(service, async (c) => {
      if (c.state !== 'running') return;
      this.options.onEvent?.({ resource: `Container ${c.name}`, status: 'Killing' });
      await this.docker.killContainer(c.id, signal);
      this.options.onEvent?.({ resource: `Container ${c.name}`, status: 'Killed' });
    });
  }

  /** Removes stopped containers (running ones are left, as `docker-compose rm` does). */
  async rm(service?: string, options: { readonly volumes?: boolean } = {}): Promise<void> {
    await this.eachContainer(service, async (c) => {
      if (c.state === 'running') return;
      this.options.onEvent?.({ resource: `Container ${c.name}`, status: 'Removing' });
      await this.docker.removeContainer(c.id, { volumes: options.volumes });
      this.options.onEvent?.({ resource: `Container ${c.name}`, status: 'Removed' });
    });
  }

  /**
   * Stops and removes every container of the project (dependents first), then its networks and,
   * with `volumes`, its named volumes. Works on containers docker-compose created too.
   */
  async down(options: { readonly volumes?: boolean } = {}): Promise<void> {
    await this.eachContainer(undefined, async (c, loaded) => {
      const resource = `Container ${c.name}`;
      this.options.onEvent?.({ resource, status: 'Stopping' });
      await this.docker.stopContainer(c.id, this.stopTimeout(loaded, c.labels[LABEL_SERVICE] ?? ''));
      this.options.onEvent?.({ resource, status: 'Removing' });
      await this.docker.removeContainer(c.id, { force: true, volumes: options.volumes });
      this.options.onEvent?.({ resource, status: 'Removed' });
    });
    const { project } = this.loadForExisting();
    for (const n of await this.docker.listNetworks([projectFilter(project)])) {
      this.options.onEvent?.({ resource: `Network ${n.name}`, status: 'Removing' });
      await this.docker.removeNetwork(n.id);
      this.options.onEvent?.({ resource: `Network ${n.name}`, status: 'Removed' });
    }
    if (options.volumes) {
      for (const v of await this.docker.listVolumes([projectFilter(project)])) {
        this.options.onEvent?.({ resource: `Volume ${v.name}`, status: 'Removing' });
        await this.docker.removeVolume(v.name);
        this.options.onEvent?.({ resource: `Volume ${v.name}`, status: 'Removed' });
      }
    }
  }

  /** Logs of the project's containers (or one service's), each line prefixed with the container name. */
  async logs(service?: string, options: { readonly tail?: number } = {}): Promise<string> {
    const loaded = this.loadForExisting();
    if (loaded.model.file !== '') this.checkService(loaded, service);
    const rows = (await this.containers(loaded.project, service)).sort((a, b) => (a.name < b.name ? -1 : 1));
    const parts = await Promise.all(
      rows.map(async (c) => {
        const text = await this.docker.containerLogs(c.id, { tail: options.tail });
        return text
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => `${c.name}  | ${l}`)
          .join('\n');
      }),
    );
    return parts.filter((p) => p !== '').join('\n');
  }
}
