import { spawnSync } from 'node:child_process';
import { UnitNetworkError } from '../errors';
import { parseIpAddrOutput } from '../host-address';

/**
 * The host side of the unit network: routes (to pick a free subnet) and the addresses on the
 * model's bridge. The agent uses {@link IprouteHostInterfaces}; unit tests pass a fake.
 */
export interface HostInterfaces {
  /** Destinations of the host's IPv4 routes (`172.17.0.0/16`, `192.0.2.0/24`...), default route excluded. */
  routes(): string[];
  /**
   * IPv4 addresses on `device`, each with its prefix (`10.213.0.2/24`).
   * @returns undefined when the device does not exist.
   */
  addresses(device: string): string[] | undefined;
  /** Adds `cidr` (`10.213.0.2/24`) to `device`. @throws UnitNetworkError */
  add(device: string, cidr: string): void;
  /** Removes `cidr` from `device` (nothing when absent). @throws UnitNetworkError */
  remove(device: string, cidr: string): void;
}

/** Parses `ip -4 route show` into route destinations (the default route is left out). */
export function parseRoutes(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const [first, second] = line.trim().split(/\s+/);
    const dest = first === 'unreachable' || first === 'blackhole' || first === 'prohibit' ? second : first;
    if (dest === undefined || dest === '' || dest === 'default') continue;
    out.push(dest.includes('/') ? dest : `${dest}/32`);
  }
  return out;
}

/** {@link HostInterfaces} through iproute2's `ip` (adding addresses needs root or CAP_NET_ADMIN). */
export class IprouteHostInterfaces implements HostInterfaces {
  routes(): string[] {
    return parseRoutes(this.ip(['-4', 'route', 'show']));
  }

  addresses(device: string): string[] | undefined {
    const result = spawnSync('ip', ['-4', '-o', 'addr', 'show', 'dev', device], { encoding: 'utf8', timeout: 5000 });
    if (result.status !== 0) return undefined;
    return parseIpAddrOutput(result.stdout).map((a) => `${a.address}/${a.prefix}`);
  }

  add(device: string, cidr: string): void {
    this.ip(['addr', 'add', cidr, 'dev', device], /File exists/);
  }

  remove(device: string, cidr: string): void {
    this.ip(['addr', 'del', cidr, 'dev', device], /Cannot assign requested address|Cannot find device/);
  }

  /** Runs `ip args`; a failure whose message matches `harmless` counts as done. */
  private ip(args: readonly string[], harmless?: RegExp): string {
    const result = spawnSync('ip', [...args], { encoding: 'utf8', timeout: 5000 });
    if (result.error !== undefined)
      throw new UnitNetworkError(`cannot run \`ip ${args.join(' ')}\`: ${result.error.message}`);
    const stderr = typeof result.stderr === 'string' ? result.stderr.trim() : '';
    if (result.status !== 0 && !(harmless?.test(stderr) ?? false))
      throw new UnitNetworkError(`\`ip ${args.join(' ')}\` failed: ${stderr || `exit code ${result.status}`}`);
    return typeof result.stdout === 'string' ? result.stdout : '';
  }
}
