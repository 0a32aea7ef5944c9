import { ComposeExternalResourceError } from '../errors';
import type { DesiredState } from './desired-state';
import type { ObservedState } from './observed-state';

/**
 * Refuses a plan whose services use an `external` network or volume that does not exist. Left to
 * the engine, a missing external volume would be created empty on first mount, and a missing
 * network would fail the create after other containers were already made.
 *
 * @param services - the services being converged (default: all).
 * @throws ComposeExternalResourceError naming the first missing resource and the services using it.
 */
export function checkExternalResources(
  desired: DesiredState,
  observed: ObservedState,
  services?: ReadonlySet<string>,
): void {
  const converged = desired.services.filter((s) => services === undefined || services.has(s.name));
  for (const v of desired.volumes) {
    if (!v.external || observed.volumes.includes(v.name)) continue;
    const users = converged
      .filter((s) => s.template.mounts.some((m) => m.type === 'volume' && m.source === v.name))
      .map((s) => s.name);
    if (users.length > 0) throw new ComposeExternalResourceError('volume', v.key, v.name, users);
  }
  for (const n of desired.networks) {
    if (!n.external || observed.networks.includes(n.name)) continue;
    const users = converged
      .filter((s) => s.template.networkMode === n.name || s.template.extraNetworks.some((e) => e.name === n.name))
      .map((s) => s.name);
    if (users.length > 0) throw new ComposeExternalResourceError('network', n.key, n.name, users);
  }
}
