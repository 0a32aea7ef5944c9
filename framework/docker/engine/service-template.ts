import type { ContainerCreateSpec, EndpointAddressSpec, MountSpec, PortBindingSpec } from '../../charm/docker-types';
import type { ComposeModel, ServiceConfig } from '../model/types';
import { containerName, resourceName, serviceImage } from './naming';

/** What every replica of a service is created with (everything but its name and identity labels). */
export interface ServiceTemplate extends Omit<ContainerCreateSpec, 'name' | 'labels'> {
  /** The service's own `labels:`. */
  readonly userLabels: Readonly<Record<string, string>>;
  /** Networks joined after create (API 1.41 accepts one endpoint at create): engine name and aliases. */
  readonly extraNetworks: readonly {
    readonly name: string;
    readonly aliases: readonly string[];
    readonly address?: EndpointAddressSpec;
  }[];
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Maps a normalized service to the create template. Set-like lists (env, exposed ports, port
 * bindings, mounts, links) are sorted so the template, and so the config hash, does not depend on
 * the order they were written in; `command` and `entrypoint` keep their order.
 */
export function serviceTemplate(model: ComposeModel, svc: ServiceConfig, project: string): ServiceTemplate {
  const env = Object.entries(svc.environment)
    .map(([k, v]) => (v === null ? k : `${k}=${v}`))
    .sort(byString);
  const portBindings: Record<string, PortBindingSpec[]> = {};
  for (const p of svc.ports)
    (portBindings[`${p.target}/${p.protocol}`] ??= []).push({ hostIp: p.hostIp, hostPort: p.published });
  for (const list of Object.values(portBindings))
    list.sort((a, b) => byString(`${a.hostIp}|${a.hostPort}`, `${b.hostIp}|${b.hostPort}`));
  const mounts: MountSpec[] = svc.volumes
    .map((v) => ({
      type: v.type,
      source:
        v.type === 'volume' && v.source !== undefined
          ? resourceName(project, v.source, model.volumes[v.source])
          : v.source,
      target: v.target,
      readOnly: v.readOnly,
    }))
    .sort((a, b) => byString(a.target, b.target));
  const networkKeys = Object.keys(svc.networks);
  const netName = (key: string): string => resourceName(project, key, model.networks[key] ?? { external: false });
  const aliases = (key: string): string[] => [svc.name, ...svc.networks[key].aliases];
  const address = (key: string): EndpointAddressSpec | undefined => {
    const { ipv4Address, ipv6Address } = svc.networks[key];
    return ipv4Address === undefined && ipv6Address === undefined ? undefined : { ipv4Address, ipv6Address };
  };
  const firstContainer = (dep: string): string => model.services[dep].containerName ?? containerName(project, dep, 1);
  const volumesFrom = svc.volumesFrom?.map(
    (v) => `${v.service === undefined ? v.container : firstContainer(v.service)}:${v.mode}`,
  );
  const links = svc.links
    .flatMap(([dep, alias]) => {
      const depSvc = model.services[dep];
      const names =
        depSvc.containerName !== undefined
          ? [depSvc.containerName]
          : Array.from({ length: Math.max(depSvc.scale, 1) }, (_, i) => containerName(project, dep, i + 1));
      return names.map((n) => `${n}:${alias}`);
    })
    .sort(byString);
  return {
    ...svc.options,
    ...(volumesFrom === undefined ? {} : { volumesFrom }),
    image: serviceImage(project, svc),
    cmd: svc.command,
    entrypoint: svc.entrypoint,
    env,
    exposedPorts: [...new Set(svc.expose)].sort(byString),
    portBindings,
    mounts,
    networkMode: svc.networkMode ?? (networkKeys.length > 0 ? netName(networkKeys[0]) : undefined),
    networkAliases: svc.networkMode === undefined && networkKeys.length > 0 ? aliases(networkKeys[0]) : undefined,
    networkAddress: svc.networkMode === undefined && networkKeys.length > 0 ? address(networkKeys[0]) : undefined,
    links,
    restartPolicy: svc.restart,
    healthcheck: svc.healthcheck,
    stopTimeoutSeconds: svc.stopGracePeriodSeconds,
    stopSignal: svc.stopSignal,
    init: svc.init,
    workingDir: svc.workingDir,
    user: svc.user,
    hostname: svc.hostname,
    userLabels: svc.labels,
    extraNetworks: networkKeys.slice(1).map((k) => {
      const a = address(k);
      return a === undefined
        ? { name: netName(k), aliases: aliases(k) }
        : { name: netName(k), aliases: aliases(k), address: a };
    }),
  };
}
