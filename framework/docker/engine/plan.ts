import { HASH_SCHEMA } from '../labels';
import { withNetworkContainer, type DesiredService, type DesiredState } from './desired-state';
import { containerName } from './naming';
import type { ObservedContainer, ObservedState } from './observed-state';

interface ContainerRef {
  readonly service: string;
  readonly number: number;
  /** Container name (existing, or to create). */
  readonly name: string;
  readonly reason: string;
}

/** One step of a plan, with the reason it is needed. Every kind but `leave` writes to the daemon. */
export type PlanAction =
  | { readonly kind: 'create-network'; readonly network: string; readonly reason: string }
  | { readonly kind: 'create-volume'; readonly volume: string; readonly reason: string }
  | (ContainerRef & { readonly kind: 'create' | 'scale-up' })
  | (ContainerRef & {
      readonly kind: 'recreate' | 'start' | 'leave' | 'scale-down' | 'remove-orphan';
      readonly containerId: string;
    });

/** Options of {@link plan}. */
export interface PlanOptions {
  /** Only converge these services (and, as `up` does, their dependencies); others are left alone. */
  readonly services?: readonly string[];
  /** Remove containers of services no longer in the file (default true). */
  readonly removeOrphans?: boolean;
}

/** The named services and, transitively, everything they depend on. */
export function withDependencies(desired: DesiredState, roots: readonly string[]): Set<string> {
  const byName = new Map(desired.services.map((s) => [s.name, s]));
  const out = new Set<string>();
  const visit = (name: string): void => {
    if (out.has(name)) return;
    out.add(name);
    for (const dep of Object.keys(byName.get(name)?.dependsOn ?? {})) visit(dep);
  };
  roots.forEach(visit);
  return out;
}

function short(id: string | undefined): string {
  return id === undefined ? 'none' : id.replace(/^sha256:/, '').slice(0, 12);
}

/** Why an existing container no longer matches its service, or `undefined` when it does. */
function divergence(svc: DesiredService, c: ObservedContainer): string | undefined {
  if (c.hashSchema !== HASH_SCHEMA) {
    return c.hashSchema === undefined
      ? "created by another tool (config hash is not rxcharm's)"
      : `hash schema changed (${c.hashSchema} → ${HASH_SCHEMA})`;
  }
  if (c.configHash !== svc.hash) return `config changed (hash ${short(c.configHash)} → ${short(svc.hash)})`;
  if (svc.imageId === undefined) return `image ${svc.image} is not present locally (pull, then recreate)`;
  if (c.imageId !== svc.imageId) return `image changed (${short(c.imageId)} → ${short(svc.imageId)})`;
  return undefined;
}

/**
 * @param sharedChanged - why the container whose network this service shares is (re)created, if it is:
 *   existing containers are then recreated, since they hold the old container's network.
 */
function planService(
  desired: DesiredState,
  svc: DesiredService,
  have: readonly ObservedContainer[],
  sharedChanged?: string,
): PlanAction[] {
  const name = (n: number): string => svc.containerName ?? containerName(desired.project, svc.name, n);
  if (have.length === 0) {
    return Array.from({ length: svc.scale }, (_, i) => ({
      kind: 'create' as const,
      service: svc.name,
      number: i + 1,
      name: name(i + 1),
      reason: 'no existing container',
    }));
  }
  const sorted = [...have].sort((a, b) =>
    Number.isNaN(a.number) ? 1 : Number.isNaN(b.number) ? -1 : a.number - b.number,
  );
  const actions: PlanAction[] = [];
  const seen = new Set<number>();
  let kept = 0;
  for (const c of sorted) {
    const ref = { service: svc.name, number: c.number, name: c.name, containerId: c.id };
    if (Number.isNaN(c.number) || seen.has(c.number)) {
      actions.push({
        ...ref,
        kind: 'scale-down',
        reason: Number.isNaN(c.number)
          ? 'container has no valid container-number label'
          : `duplicate container number ${c.number}`,
      });
      continue;
    }
    seen.add(c.number);
    if (kept >= svc.scale) {
      actions.push({ ...ref, kind: 'scale-down', reason: `scale is ${svc.scale}` });
      continue;
    }
    kept++;
    const why = sharedChanged ?? divergence(svc, c);
    if (why !== undefined) actions.push({ ...ref, kind: 'recreate', name: name(c.number), reason: why });
    else if (c.state === 'running') actions.push({ ...ref, kind: 'leave', reason: 'up to date and running' });
    else actions.push({ ...ref, kind: 'start', reason: `container is ${c.state}` });
  }
  let next = Math.max(0, ...seen) + 1;
  for (; kept < svc.scale; kept++, next++) {
    actions.push({
      kind: 'scale-up',
      service: svc.name,
      number: next,
      name: name(next),
      reason: `scale is ${svc.scale}, ${kept} container(s) exist`,
    });
  }
  return actions;
}

/**
 * Compares the desired state with the observed one and returns the actions `up` must take, each
 * with its reason. Pure: no I/O, the same inputs always give the same plan.
 *
 * Order: networks and volumes to create, orphans to remove, then services in dependency order.
 * A container is recreated when its config hash, hash schema or image id differs; scale-down
 * removes the highest container numbers; new replicas take numbers after the highest existing one.
 *
 * @example
 * ```ts
 * const actions = plan(desired, observed);
 * const writes = actions.filter((a) => a.kind !== 'leave'); // empty ⇒ `up` is a no-op
 * ```
 */
export function plan(desired: DesiredState, observed: ObservedState, options: PlanOptions = {}): PlanAction[] {
  const actions: PlanAction[] = [];
  for (const n of desired.networks) {
    if (!n.external && !observed.networks.includes(n.name))
      actions.push({ kind: 'create-network', network: n.name, reason: 'network does not exist' });
  }
  for (const v of desired.volumes) {
    if (!v.external && !observed.volumes.includes(v.name))
      actions.push({ kind: 'create-volume', volume: v.name, reason: 'volume does not exist' });
  }
  const services = options.services === undefined ? undefined : withDependencies(desired, options.services);
  const known = new Set([...desired.services.map((s) => s.name), ...(desired.inactiveServices ?? [])]);
  const regular = observed.containers.filter((c) => !c.oneoff);
  if (options.removeOrphans !== false && services === undefined) {
    for (const c of regular) {
      if (!known.has(c.service)) {
        actions.push({
          kind: 'remove-orphan',
          service: c.service,
          number: c.number,
          name: c.name,
          containerId: c.id,
          reason: `service "${c.service}" is not in the compose file`,
        });
      }
    }
  }
  // Per service: the id of the container a `network_mode: "service:<name>"` dependent joins (its
  // lowest-numbered one), or undefined when this plan creates or recreates that container.
  const sharedIds = new Map<string, string | undefined>();
  for (const svc of desired.services) {
    if (services !== undefined && !services.has(svc.name)) continue;
    let effective = svc;
    let sharedChanged: string | undefined;
    if (svc.networkService !== undefined) {
      const id = sharedIds.get(svc.networkService);
      if (id !== undefined) effective = withNetworkContainer(svc, id);
      else sharedChanged = `shares the network of service ${svc.networkService}, whose container is (re)created`;
    }
    const own = planService(
      desired,
      effective,
      regular.filter((c) => c.service === svc.name),
      sharedChanged,
    );
    const first = own.find((a) => a.kind !== 'scale-down');
    sharedIds.set(svc.name, first?.kind === 'leave' || first?.kind === 'start' ? first.containerId : undefined);
    actions.push(...own);
  }
  return actions;
}

/** True when the action changes daemon state (everything but `leave`). */
export function isWrite(action: PlanAction): boolean {
  return action.kind !== 'leave';
}

/** One line per action, e.g. `recreate  web#1 (p_web_1): config changed (...)`, for dry runs and logs. */
export function formatPlan(actions: readonly PlanAction[]): string {
  return actions
    .map((a) => {
      if (a.kind === 'create-network') return `create-network  ${a.network}: ${a.reason}`;
      if (a.kind === 'create-volume') return `create-volume  ${a.volume}: ${a.reason}`;
      return `${a.kind}  ${a.service}#${Number.isNaN(a.number) ? '?' : a.number} (${a.name}): ${a.reason}`;
    })
    .join('\n');
}
