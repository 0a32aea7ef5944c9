import type { ContainerResourcesSpec } from '../../charm/docker-types';
import { isMapping, scalarString, type ParseContext, type Path } from './parse-context';
import { parseBytes, parseCount, parseNanoCpus } from './parse-units';
import type { RestartPolicy } from './types';

/** What `deploy:` means outside Swarm. */
export interface DeployConfig {
  readonly replicas?: number;
  readonly restart?: RestartPolicy;
  /** Limits and reservations as container options (service-level keys win over these). */
  readonly resources: Pick<ContainerResourcesSpec, 'memory' | 'nanoCpus' | 'pidsLimit' | 'memoryReservation'>;
}

/** `deploy` sub-keys that only mean something to a Swarm: accepted with a warning, as docker compose does. */
const SWARM_ONLY = new Set(['placement', 'update_config', 'rollback_config', 'endpoint_mode', 'labels']);
const CONDITIONS: Readonly<Record<string, RestartPolicy['name']>> = {
  none: 'no',
  no: 'no',
  'on-failure': 'on-failure',
  'unless-stopped': 'unless-stopped',
  any: 'always',
  always: 'always',
};

function mapping(ctx: ParseContext, path: Path, value: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (!isMapping(value)) ctx.fail(path, 'expected a mapping');
  for (const k of Object.keys(value))
    if (!allowed.includes(k)) ctx.fail([...path, k], `unknown key "${k}" (use ${allowed.join(', ')})`);
  return value;
}

/**
 * Reads a service's `deploy:` as docker compose v2 does without Swarm: `replicas` is the scale,
 * `restart_policy` the restart policy (`any` → always, `none` → no, `max_attempts` the retry
 * count), `resources.limits` memory, cpus and pids, `resources.reservations.memory` the memory
 * reservation. Swarm-only parts (`mode: global`, `placement`, `update_config`...) are warned about.
 */
export function parseDeploy(
  ctx: ParseContext,
  service: string,
  path: Path,
  value: unknown,
  warn: (message: string) => void,
): DeployConfig {
  const deploy = mapping(ctx, path, value, ['mode', 'replicas', 'resources', 'restart_policy', ...SWARM_ONLY]);
  for (const key of Object.keys(deploy))
    if (SWARM_ONLY.has(key))
      warn(`service "${service}": deploy.${key} needs Swarm mode; it is ignored (as docker compose does)`);
  const mode = deploy.mode === undefined ? 'replicated' : scalarString(ctx, [...path, 'mode'], deploy.mode);
  if (mode === 'global')
    warn(`service "${service}": deploy.mode global needs Swarm mode; the service runs one container`);
  else if (mode !== 'replicated') ctx.fail([...path, 'mode'], `unknown mode "${mode}" (use replicated or global)`);
  const replicas =
    deploy.replicas === undefined ? undefined : ctx.field([...path, 'replicas'], () => parseCount(deploy.replicas));
  const rp = mapping(ctx, [...path, 'restart_policy'], deploy.restart_policy, [
    'condition',
    'delay',
    'max_attempts',
    'window',
  ]);
  let restart: RestartPolicy | undefined;
  if (deploy.restart_policy !== undefined) {
    const condition =
      rp.condition === undefined ? 'any' : scalarString(ctx, [...path, 'restart_policy', 'condition'], rp.condition);
    const name = CONDITIONS[condition];
    if (name === undefined)
      ctx.fail(
        [...path, 'restart_policy', 'condition'],
        `unknown condition "${condition}" (use none, on-failure, any)`,
      );
    const max =
      rp.max_attempts === undefined
        ? 0
        : ctx.field([...path, 'restart_policy', 'max_attempts'], () => parseCount(rp.max_attempts));
    restart = { name, maximumRetryCount: name === 'on-failure' ? max : 0 };
    for (const k of ['delay', 'window'])
      if (rp[k] !== undefined) warn(`service "${service}": deploy.restart_policy.${k} needs Swarm mode; it is ignored`);
  }
  const res = mapping(ctx, [...path, 'resources'], deploy.resources, ['limits', 'reservations']);
  const limitsPath = [...path, 'resources', 'limits'];
  const limits = mapping(ctx, limitsPath, res.limits, ['cpus', 'memory', 'pids']);
  const reservationsPath = [...path, 'resources', 'reservations'];
  const reservations = mapping(ctx, reservationsPath, res.reservations, [
    'cpus',
    'memory',
    'devices',
    'generic_resources',
  ]);
  for (const k of ['cpus', 'devices', 'generic_resources'])
    if (reservations[k] !== undefined)
      warn(`service "${service}": deploy.resources.reservations.${k} has no effect outside Swarm; it is ignored`);
  const resources: Record<string, number | undefined> = {
    memory:
      limits.memory === undefined ? undefined : ctx.field([...limitsPath, 'memory'], () => parseBytes(limits.memory)),
    nanoCpus:
      limits.cpus === undefined ? undefined : ctx.field([...limitsPath, 'cpus'], () => parseNanoCpus(limits.cpus)),
    pidsLimit:
      limits.pids === undefined ? undefined : ctx.field([...limitsPath, 'pids'], () => parseCount(limits.pids)),
    memoryReservation:
      reservations.memory === undefined
        ? undefined
        : ctx.field([...reservationsPath, 'memory'], () => parseBytes(reservations.memory)),
  };
  for (const k of Object.keys(resources)) if (resources[k] === undefined) delete resources[k];
  return { replicas: mode === 'global' ? 1 : replicas, restart, resources };
}
