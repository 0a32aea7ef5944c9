import type { DockerClient } from '../../charm/docker-client';
import type { ContainerCreateSpec, MountedVolume, MountSpec } from '../../charm/docker-types';
import { ComposeDependencyError, DockerApiError } from '../errors';
import type { ComposeEventListener } from './compose-event';
import { composeLabels, resourceLabels } from './container-labels';
import { withNetworkContainer, type DesiredService, type DesiredState } from './desired-state';
import type { PlanAction } from './plan';

/** Options of {@link execute}. */
export interface ExecuteOptions {
  readonly onEvent?: ComposeEventListener;
  /** Waits between dependency-condition polls; injectable so tests never sleep for real. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Poll interval for `service_healthy` / `service_completed_successfully` (default 250 ms). */
  readonly pollMs?: number;
  /** Give up waiting for a dependency condition after this long (default 120 s). */
  readonly dependencyTimeoutMs?: number;
  /** Stop timeout for containers without `stop_grace_period` (default 10 s, as docker). */
  readonly stopTimeoutSeconds?: number;
}

type ContainerAction = Extract<PlanAction, { service: string }>;

const ANONYMOUS = /^[0-9a-f]{64}$/;

/**
 * Mounts for a recreated container: anonymous volumes of the old container (image `VOLUME`s and
 * anonymous service volumes) are reattached at the same path, as docker-compose does, so their
 * data survives a config change; named volumes and binds come from the template.
 */
export function inheritAnonymousVolumes(template: readonly MountSpec[], old: readonly MountedVolume[]): MountSpec[] {
  const previous = new Map(
    old
      .filter((m) => m.type === 'volume' && m.name !== undefined && ANONYMOUS.test(m.name))
      .map((m) => [m.target, m.name!]),
  );
  const out: MountSpec[] = template.map((m) =>
    m.type === 'volume' && m.source === undefined && previous.has(m.target)
      ? { ...m, source: previous.get(m.target) }
      : m,
  );
  for (const [target, name] of previous) {
    if (!template.some((m) => m.target === target)) out.push({ type: 'volume', source: name, target, readOnly: false });
  }
  return out;
}

/** A concurrent `up` may create the same network or volume first (409): that is success here. */
async function ignoreConflict(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (error) {
    if (!(error instanceof DockerApiError && error.statusCode === 409)) throw error;
  }
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a plan: resources, then orphans, then services as a DAG (dependencies first, independent ones in parallel). */
export async function execute(
  actions: readonly PlanAction[],
  desired: DesiredState,
  client: DockerClient,
  options: ExecuteOptions = {},
): Promise<void> {
  const emit = options.onEvent ?? (() => {});
  const sleep = options.sleep ?? realSleep;
  const stopTimeout = (svc?: DesiredService): number =>
    svc?.template.stopTimeoutSeconds ?? options.stopTimeoutSeconds ?? 10;

  const createResource = async (kind: 'network' | 'volume', name: string): Promise<void> => {
    const r = (kind === 'network' ? desired.networks : desired.volumes).find((x) => x.name === name)!;
    const resource = `${kind === 'network' ? 'Network' : 'Volume'} ${name}`;
    emit({ resource, status: 'Creating' });
    const spec = {
      name,
      ...r.options,
      driver: r.driver,
      labels: resourceLabels(desired.project, kind, r.key, { ...desired.labels, ...r.labels }),
    };
    await ignoreConflict(kind === 'network' ? client.createNetwork(spec) : client.createVolume(spec));
    emit({ resource, status: 'Created' });
  };
  await Promise.all(
    actions.flatMap((a) => {
      if (a.kind === 'create-network') return [createResource('network', a.network)];
      if (a.kind === 'create-volume') return [createResource('volume', a.volume)];
      return [];
    }),
  );

  // A container removed for good (orphan, scale-down) takes its anonymous volumes along: no later
  // container can inherit them, so they would only pile up (docker-compose leaves them dangling).
  // The engine's `v` removes the ones created with the container; one inherited through a recreate
  // is mounted by name, so it is removed by name (a 409 means another container still uses it).
  // Named volumes and binds are never touched.
  const stopAndRemove = async (
    a: Extract<ContainerAction, { containerId: string }>,
    svc?: DesiredService,
  ): Promise<void> => {
    const resource = `Container ${a.name}`;
    const anonymous = ((await client.inspectContainer(a.containerId))?.mounts ?? [])
      .filter((m) => m.type === 'volume' && m.name !== undefined && ANONYMOUS.test(m.name))
      .map((m) => m.name as string);
    emit({ resource, status: 'Stopping', cause: a.reason });
    await client.stopContainer(a.containerId, stopTimeout(svc));
    emit({ resource, status: 'Removing', cause: a.reason });
    await client.removeContainer(a.containerId, { force: true, volumes: true });
    for (const volume of anonymous) await ignoreConflict(client.removeVolume(volume));
    emit({ resource, status: 'Removed', cause: a.reason });
  };
  await Promise.all(
    actions
      .filter((a): a is Extract<PlanAction, { kind: 'remove-orphan' }> => a.kind === 'remove-orphan')
      .map((a) => stopAndRemove(a)),
  );

  const containerIds = new Map<string, string[]>();
  const createAndStart = async (
    svc: DesiredService,
    a: ContainerAction,
    mounts = svc.template.mounts,
  ): Promise<string> => {
    const resource = `Container ${a.name}`;
    const spec: ContainerCreateSpec = {
      ...svc.template,
      mounts,
      name: a.name,
      labels: composeLabels(desired, svc, a.number),
    };
    emit({ resource, status: 'Creating', cause: a.reason });
    const id = await client.createContainer(spec);
    for (const net of svc.template.extraNetworks) await client.connectNetwork(net.name, id, net.aliases, net.address);
    emit({ resource, status: 'Starting' });
    await client.startContainer(id);
    emit({ resource, status: 'Started' });
    return id;
  };

  const runService = async (svc: DesiredService, own: ContainerAction[]): Promise<void> => {
    const ids = await Promise.all(
      own.map(async (a): Promise<string | undefined> => {
        switch (a.kind) {
          case 'leave':
            emit({ resource: `Container ${a.name}`, status: 'Running' });
            return a.containerId;
          case 'start':
            emit({ resource: `Container ${a.name}`, status: 'Starting', cause: a.reason });
            await client.startContainer(a.containerId);
            emit({ resource: `Container ${a.name}`, status: 'Started' });
            return a.containerId;
          case 'scale-down':
            await stopAndRemove(a, svc);
            return undefined;
          case 'recreate':
            emit({ resource: `Container ${a.name}`, status: 'Recreate', cause: a.reason });
            {
              const old = await client.inspectContainer(a.containerId);
              await client.stopContainer(a.containerId, stopTimeout(svc));
              await client.removeContainer(a.containerId, { force: true });
              const id = await createAndStart(svc, a, inheritAnonymousVolumes(svc.template.mounts, old?.mounts ?? []));
              emit({ resource: `Container ${a.name}`, status: 'Recreated' });
              return id;
            }
          default:
            return createAndStart(svc, a);
        }
      }),
    );
    containerIds.set(
      svc.name,
      ids.filter((x): x is string => x !== undefined),
    );
  };

  const waitFor = async (svc: DesiredService, dep: string): Promise<void> => {
    const edge = svc.dependsOn[dep];
    if (edge.condition === 'service_started') return;
    const deadline = options.dependencyTimeoutMs ?? 120_000;
    const poll = options.pollMs ?? 250;
    for (const id of containerIds.get(dep) ?? []) {
      emit({ resource: `Container ${dep}`, status: 'Waiting', cause: edge.condition });
      for (let waited = 0; ; waited += poll) {
        const c = await client.inspectContainer(id);
        if (c === undefined)
          throw new ComposeDependencyError(svc.name, dep, `container ${id.slice(0, 12)} disappeared`);
        if (edge.condition === 'service_healthy') {
          if (c.health === 'healthy') break;
          if (c.health === undefined && c.running)
            throw new ComposeDependencyError(svc.name, dep, `container ${c.name} has no healthcheck configured`);
          if (c.health === 'unhealthy' || !c.running)
            throw new ComposeDependencyError(svc.name, dep, `container ${c.name} is ${c.health ?? c.state}`);
        } else if (!c.running) {
          if (c.exitCode === 0) break;
          throw new ComposeDependencyError(
            svc.name,
            dep,
            `service ${dep} didn't complete successfully: exit ${c.exitCode}`,
          );
        }
        if (waited >= deadline)
          throw new ComposeDependencyError(svc.name, dep, `timeout after ${deadline} ms waiting for ${edge.condition}`);
        await sleep(poll);
      }
      emit({ resource: `Container ${dep}`, status: edge.condition === 'service_healthy' ? 'Healthy' : 'Exited' });
    }
  };

  // `network_mode: "service:<name>"` joins that service's first container, known once it has run.
  const sharedNetwork = (svc: DesiredService): DesiredService => {
    if (svc.networkService === undefined) return svc;
    const id = containerIds.get(svc.networkService)?.[0];
    if (id === undefined)
      throw new ComposeDependencyError(
        svc.name,
        svc.networkService,
        `service ${svc.networkService} has no container whose network ${svc.name} can share`,
      );
    return withNetworkContainer(svc, id);
  };

  const done = new Map<string, Promise<void>>();
  const containerActions = actions.filter((a): a is ContainerAction => 'service' in a && a.kind !== 'remove-orphan');
  const planned = new Set(containerActions.map((a) => a.service));
  for (const svc of desired.services) {
    if (!planned.has(svc.name)) continue;
    const own = containerActions.filter((a) => a.service === svc.name);
    const deps = Object.keys(svc.dependsOn).filter((d) => done.has(d));
    done.set(
      svc.name,
      (async () => {
        await Promise.all(deps.map((d) => done.get(d)));
        // Conditions matter only when something is about to start.
        if (own.some((a) => a.kind !== 'leave' && a.kind !== 'scale-down')) {
          for (const d of deps) await waitFor(svc, d);
        }
        await runService(sharedNetwork(svc), own);
      })(),
    );
  }
  // Wait for every branch, then surface the first failure.
  const results = await Promise.allSettled(done.values());
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
