import type { DockerClient } from '../../charm/docker-client';
import type { ContainerSummary } from '../../charm/docker-types';
import {
  LABEL_CONFIG_HASH,
  LABEL_CONTAINER_NUMBER,
  LABEL_HASH_SCHEMA,
  LABEL_ONEOFF,
  LABEL_SERVICE,
  projectFilter,
} from '../labels';

/** A project container as `plan` sees it. */
export interface ObservedContainer {
  readonly id: string;
  readonly name: string;
  readonly service: string;
  /** `com.docker.compose.container-number`, `NaN` when missing or malformed. */
  readonly number: number;
  readonly oneoff: boolean;
  readonly state: string;
  readonly configHash?: string;
  /** `rxcharm.hash-schema`; absent on containers another tool created. */
  readonly hashSchema?: string;
  readonly imageId: string;
}

/** What exists for a project. */
export interface ObservedState {
  readonly containers: readonly ObservedContainer[];
  /** Engine names of the existing declared networks. */
  readonly networks: readonly string[];
  /** Engine names of the existing declared volumes. */
  readonly volumes: readonly string[];
  /** Image reference → local id (`undefined` when absent). */
  readonly images: Readonly<Record<string, string | undefined>>;
}

/** Converts a container listing row into an {@link ObservedContainer} (pure). */
export function toObservedContainer(c: ContainerSummary): ObservedContainer {
  const n = c.labels[LABEL_CONTAINER_NUMBER];
  return {
    id: c.id,
    name: c.name,
    service: c.labels[LABEL_SERVICE] ?? '',
    number: n !== undefined && /^\d+$/.test(n) ? Number(n) : Number.NaN,
    oneoff: c.labels[LABEL_ONEOFF] === 'True',
    state: c.state,
    configHash: c.labels[LABEL_CONFIG_HASH],
    hashSchema: c.labels[LABEL_HASH_SCHEMA],
    imageId: c.imageId,
  };
}

/** What to look at: the project and the names of its declared resources and images. */
export interface ObserveRequest {
  readonly project: string;
  readonly networks: readonly string[];
  readonly volumes: readonly string[];
  readonly images: readonly string[];
}

/**
 * Observes a project with one container listing (by project label) and one inspect per declared
 * network, volume and distinct image, all in parallel. Reads only.
 */
export async function observe(client: DockerClient, request: ObserveRequest): Promise<ObservedState> {
  const [containers, networks, volumes, images] = await Promise.all([
    client.listContainers([projectFilter(request.project)]),
    Promise.all(request.networks.map((n) => client.inspectNetwork(n))),
    Promise.all(request.volumes.map((v) => client.inspectVolume(v))),
    Promise.all([...new Set(request.images)].map(async (ref) => [ref, (await client.inspectImage(ref))?.id] as const)),
  ]);
  return {
    containers: containers.map(toObservedContainer),
    networks: networks.flatMap((n) => (n === undefined ? [] : [n.name])),
    volumes: volumes.flatMap((v) => (v === undefined ? [] : [v.name])),
    images: Object.fromEntries(images),
  };
}
