import { RxcharmError } from '../../errors';
import type { PortSpec } from '../../charm';

/** A port given to `ports.open()` / `open-port` is not a valid port or range. */
export class InvalidPortError extends RxcharmError {
  constructor(spec: unknown, reason: string) {
    super('INVALID_PORT', `invalid port: ${JSON.stringify(spec)}: ${reason}`, { context: { spec, reason } });
  }
}

function checkPort(n: number, spec: unknown): void {
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidPortError(spec, 'ports are integers 1-65535');
}

/** Formats a port spec the way `open-port` takes it: `80/tcp`, `8000-8080/udp`, `icmp`. */
export function formatPortSpec(spec: PortSpec): string {
  if (spec === 'icmp') return 'icmp';
  const protocol = spec.protocol ?? 'tcp';
  if (protocol !== 'tcp' && protocol !== 'udp')
    throw new InvalidPortError(spec, `protocol must be tcp or udp, got ${String(protocol)}`);
  checkPort(spec.port, spec);
  if (spec.toPort === undefined || spec.toPort === spec.port) return `${spec.port}/${protocol}`;
  checkPort(spec.toPort, spec);
  if (spec.toPort < spec.port) throw new InvalidPortError(spec, 'range end is below its start');
  return `${spec.port}-${spec.toPort}/${protocol}`;
}

/** Parses `80`, `80/tcp`, `8000-8080/udp` or `icmp` (case-insensitive) into a {@link PortSpec}. */
export function parsePortSpec(text: string): PortSpec {
  const lower = text.trim().toLowerCase();
  if (lower === 'icmp') return 'icmp';
  const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp))?$/.exec(lower);
  if (m === null) throw new InvalidPortError(text, 'expected <port>[-<to>][/tcp|udp] or icmp');
  const spec = {
    port: Number(m[1]),
    toPort: m[2] === undefined ? undefined : Number(m[2]),
    protocol: (m[3] ?? 'tcp') as 'tcp' | 'udp',
  };
  formatPortSpec(spec);
  return spec;
}
