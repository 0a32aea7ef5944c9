import type { ComposeModel } from './types';

/**
 * The model with every published port that names no host IP bound to `hostIp` (as if the file
 * said `hostIp:published:target`); ports with a host IP, and the model itself, are left as they
 * are. A charm uses it to publish on its unit's address instead of every host address.
 */
export function withDefaultHostIp(model: ComposeModel, hostIp: string): ComposeModel {
  const services: Record<string, ComposeModel['services'][string]> = {};
  for (const [name, service] of Object.entries(model.services)) {
    services[name] = service.ports.some((p) => p.hostIp === '')
      ? { ...service, ports: service.ports.map((p) => (p.hostIp === '' ? { ...p, hostIp } : p)) }
      : service;
  }
  return { ...model, services };
}
