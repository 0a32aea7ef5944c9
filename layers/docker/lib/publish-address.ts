import { createServer } from 'node:net';
import type { Charm } from 'rxcharm';

/** kv key holding the host IP the unit's ports are published on (`''`: every host address). */
export const PUBLISH_ADDRESS_KEY = 'layer:docker.publish-address';

/**
 * The host IP published ports without one are bound to, from the `docker_publish_address` setting
 * and the unit's address: empty setting → the unit's address when the engine is local (each unit
 * publishes on its own machine address, so units sharing a host can publish the same port), else
 * every address; `0.0.0.0` → every address; anything else is taken as the address.
 *
 * @returns the address, or undefined for every host address.
 */
export function publishHostIp(
  setting: string,
  unitAddress: string | undefined,
  localEngine: boolean,
): string | undefined {
  const wanted = setting.trim();
  if (wanted === '0.0.0.0' || wanted === '*') return undefined;
  if (wanted !== '') return wanted;
  return localEngine && unitAddress !== undefined && unitAddress !== '' ? unitAddress : undefined;
}

/**
 * True when `address` belongs to this host (a socket can bind to it), whether or not its
 * interface is up: Docker can only publish on such an address.
 */
export function isHostAddress(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(0, address, () => server.close(() => resolve(true)));
  });
}

/**
 * Works out the publish address (asking `unit-get private-address` when needed) and records it
 * in kv for {@link composeFor}. A failing `unit-get`, or a unit address this host does not have
 * (the engine runs elsewhere, a test harness's made-up address), counts as no unit address:
 * every host address.
 *
 * @returns the address recorded (undefined: every host address).
 */
export async function recordPublishAddress(
  charm: Charm,
  onThisHost: (address: string) => Promise<boolean> = isHostAddress,
): Promise<string | undefined> {
  const setting = charm.config.get<string>('docker_publish_address') ?? '';
  const local = (charm.config.get<string>('docker_host') ?? '').trim() === '';
  let unitAddress: string | undefined;
  // Said once, when the recorded address changes: this runs in every hook, update-status included.
  let why: (() => void) | undefined;
  if (setting.trim() === '' && local) {
    try {
      const address = await charm.tools.unitGet('private-address');
      if (await onThisHost(address)) unitAddress = address;
      else why = () => charm.log.info({ address }, 'the unit address is not on this host; publishing on every address');
    } catch (error) {
      const message = (error as Error).message;
      why = () => charm.log.warn({ error: message }, 'unit-get private-address failed; publishing on every address');
    }
  }
  const hostIp = publishHostIp(setting, unitAddress, local);
  if (charm.kv.get<string>(PUBLISH_ADDRESS_KEY) !== (hostIp ?? '')) {
    why?.();
    charm.kv.set(PUBLISH_ADDRESS_KEY, hostIp ?? '');
  }
  return hostIp;
}

/** The publish address recorded by {@link recordPublishAddress} (undefined: every address). */
export function recordedPublishAddress(charm: Charm): string | undefined {
  const value = charm.kv.get<string>(PUBLISH_ADDRESS_KEY);
  return value === undefined || value === '' ? undefined : value;
}
