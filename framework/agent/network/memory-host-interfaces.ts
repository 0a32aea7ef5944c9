import { UnitNetworkError } from '../errors';
import type { HostInterfaces } from './host-interfaces';

/**
 * {@link HostInterfaces} in memory, for tests: given routes, and devices that appear when first
 * asked about (as a bridge Docker just created), unless listed in `missing`.
 */
export class MemoryHostInterfaces implements HostInterfaces {
  /** Device → its addresses (`10.213.0.2/24`). */
  readonly devices = new Map<string, string[]>();
  /** Devices that do not exist. */
  readonly missing = new Set<string>();
  /** When set, `add` fails with this message (as `ip addr add` does without root). */
  refuseAdd: string | undefined;

  constructor(private readonly taken: readonly string[] = ['172.17.0.0/16', '192.0.2.0/24']) {}

  routes(): string[] {
    return [...this.taken];
  }

  addresses(device: string): string[] | undefined {
    if (this.missing.has(device)) return undefined;
    if (!this.devices.has(device)) this.devices.set(device, []);
    return [...this.devices.get(device)!];
  }

  add(device: string, cidr: string): void {
    if (this.refuseAdd !== undefined) throw new UnitNetworkError(this.refuseAdd);
    const present = this.addresses(device);
    if (present === undefined) throw new UnitNetworkError(`Cannot find device "${device}"`);
    if (!present.includes(cidr)) this.devices.set(device, [...present, cidr]);
  }

  remove(device: string, cidr: string): void {
    const present = this.addresses(device) ?? [];
    this.devices.set(
      device,
      present.filter((c) => c !== cidr),
    );
  }
}
