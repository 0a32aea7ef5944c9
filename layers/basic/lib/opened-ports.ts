import type { KeyValueStore, PortBuffer } from 'rxcharm';

/** What {@link reconcileOpenedPorts} needs: the kv store and the port helper (a `Charm` has both). */
export interface OpenedPortsTarget {
  readonly kv: Pick<KeyValueStore, 'get' | 'set'>;
  readonly ports: Pick<PortBuffer, 'open' | 'close'>;
}

/**
 * Opens exactly `wanted`: the ports this helper opened before (remembered under `key`) that are
 * no longer wanted are closed, so a port change in config never leaves the old port open.
 * Port changes commit with the hook, as the kv entry does.
 *
 * @example
 * ```ts
 * reconcileOpenedPorts(this, 'redis.open-ports', [settings.port]);
 * ```
 */
export function reconcileOpenedPorts(charm: OpenedPortsTarget, key: string, wanted: readonly number[]): void {
  const saved = charm.kv.get(key);
  // Earlier charm versions kept one port as a number.
  const previous =
    typeof saved === 'number'
      ? [saved]
      : Array.isArray(saved)
        ? saved.filter((p): p is number => typeof p === 'number')
        : [];
  for (const port of previous) if (!wanted.includes(port)) charm.ports.close(port);
  for (const port of wanted) charm.ports.open(port);
  charm.kv.set(key, [...wanted]);
}
