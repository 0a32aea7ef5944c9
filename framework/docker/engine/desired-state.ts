import type { NetworkCreateSpec, VolumeCreateSpec } from '../../charm/docker-types';
import { networkService, type BuildConfig, type ComposeModel, type Dependency, type PullPolicy } from '../model/types';
import { configHash } from './config-hash';
import { resourceName, serviceImage } from './naming';
import { serviceTemplate, type ServiceTemplate } from './service-template';

/** A service as `up` wants it. */
export interface DesiredService {
  readonly name: string;
  readonly scale: number;
  readonly image: string;
  /** Local image id, or `undefined` when the image is not present (it will be pulled). */
  readonly imageId?: string;
  readonly hash: string;
  readonly template: ServiceTemplate;
  /** `depends_on` plus implicit edges from `links` and `network_mode: "service:<name>"` (condition `service_started`). */
  readonly dependsOn: Readonly<Record<string, Dependency>>;
  readonly containerName?: string;
  /**
   * The service whose network this one shares (`network_mode: "service:<name>"`). Its template and
   * hash hold `service:<name>` until {@link withNetworkContainer} resolves it to a container.
   */
  readonly networkService?: string;
  /** `build:`, when the service's image is built. */
  readonly build?: BuildConfig;
  readonly pullPolicy?: PullPolicy;
}

/**
 * The service with `network_mode: "service:<name>"` resolved to `container:<id>` (as docker compose
 * does before hashing), so that a container created against another container of that service
 * has another hash and is recreated.
 */
export function withNetworkContainer(svc: DesiredService, containerId: string): DesiredService {
  const template = { ...svc.template, networkMode: `container:${containerId}` };
  return { ...svc, template, hash: configHash(template) };
}

/** A project network or volume. */
export interface DesiredResource {
  readonly key: string;
  /** Engine name. */
  readonly name: string;
  readonly external: boolean;
  readonly driver?: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Creation options beyond driver and labels (`driver_opts`, `ipam`, `internal`...). */
  readonly options?: Omit<NetworkCreateSpec & VolumeCreateSpec, 'name' | 'driver' | 'labels'>;
}

/** Everything `plan` compares against the observed state. */
export interface DesiredState {
  readonly project: string;
  readonly workingDir: string;
  readonly configFiles: readonly string[];
  /** In dependency order: every service after its dependencies. */
  readonly services: readonly DesiredService[];
  readonly networks: readonly DesiredResource[];
  readonly volumes: readonly DesiredResource[];
  /** Extra labels for everything created (containers, networks, volumes); not part of the config hash. */
  readonly labels: Readonly<Record<string, string>>;
  /** Services disabled by their profiles: their containers are left alone, not removed as orphans. */
  readonly inactiveServices?: readonly string[];
}

/** Options of {@link desiredState}. */
export interface DesiredStateOptions {
  readonly project: string;
  readonly configFiles: readonly string[];
  /** Image reference → local image id (absent or `undefined` when not present). */
  readonly imageIds: Readonly<Record<string, string | undefined>>;
  /** Per-service scale overriding the file's `scale:` (`Compose.scale`). */
  readonly scale?: Readonly<Record<string, number>>;
  /** Extra labels for everything created; see {@link DesiredState.labels}. */
  readonly labels?: Readonly<Record<string, string>>;
  /** See {@link DesiredState.inactiveServices}. */
  readonly inactiveServices?: readonly string[];
}

function dependencyOrder(model: ComposeModel, deps: Record<string, Record<string, Dependency>>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of Object.keys(deps[name])) visit(dep);
    out.push(name);
  };
  for (const name of Object.keys(model.services)) visit(name);
  return out;
}

/** Computes the desired state of a parsed project (pure). The model's graph is already validated as acyclic. */
export function desiredState(model: ComposeModel, options: DesiredStateOptions): DesiredState {
  const { project } = options;
  const deps: Record<string, Record<string, Dependency>> = {};
  for (const svc of Object.values(model.services)) {
    const edges: Record<string, Dependency> = {};
    for (const [dep] of svc.links) edges[dep] = { condition: 'service_started', required: true, restart: true };
    const shared = networkService(svc);
    if (shared !== undefined) edges[shared] = { condition: 'service_started', required: true, restart: true };
    for (const v of svc.volumesFrom ?? [])
      if (v.service !== undefined) edges[v.service] = { condition: 'service_started', required: true, restart: false };
    deps[svc.name] = { ...edges, ...svc.dependsOn };
  }
  const scaled = {
    ...model,
    services: Object.fromEntries(
      Object.entries(model.services).map(([k, s]) => [k, { ...s, scale: options.scale?.[k] ?? s.scale }]),
    ),
  };
  const services = dependencyOrder(model, deps).map((name): DesiredService => {
    const svc = scaled.services[name];
    const template = serviceTemplate(scaled, svc, project);
    const image = serviceImage(project, svc);
    return {
      name,
      scale: svc.scale,
      image,
      imageId: options.imageIds[image],
      hash: configHash(template),
      template,
      dependsOn: deps[name],
      containerName: svc.containerName,
      networkService: networkService(svc),
      ...(svc.build === undefined ? {} : { build: svc.build }),
      ...(svc.pullPolicy === undefined ? {} : { pullPolicy: svc.pullPolicy }),
    };
  });
  const resources = (all: ComposeModel['networks'] | ComposeModel['volumes']): DesiredResource[] =>
    Object.entries(all).map(([key, cfg]): DesiredResource => {
      const { name: _name, external, driver, labels, ...rest } = cfg as ComposeModel['networks'][string];
      void _name;
      const options = Object.keys(rest).length === 0 ? {} : { options: rest };
      return { key, name: resourceName(project, key, cfg), external, driver, labels, ...options };
    });
  return {
    project,
    workingDir: model.workingDir,
    configFiles: options.configFiles,
    services,
    networks: resources(model.networks),
    volumes: resources(model.volumes),
    labels: options.labels ?? {},
    ...(options.inactiveServices === undefined || options.inactiveServices.length === 0
      ? {}
      : { inactiveServices: options.inactiveServices }),
  };
}
