import { defineQueryTool } from './define-tool';
import { parseFlags, type FlagSpec } from './flag-parser';
import { checkExtraArgs, type HookTool, type ToolEnv } from './tool-env';
import { ToolUsageError } from './tool-errors';

const ENDPOINTS_FLAG: FlagSpec = { names: ['endpoints'], kind: 'string' };

/**
 * Normalizes a port spec as `open-port` accepts it: `80`, `80/tcp`, `8000-8080/udp`, `icmp`.
 *
 * @throws ToolUsageError for anything else.
 */
export function normalizePort(spec: string): string {
  const text = spec.toLowerCase();
  if (text === 'icmp') return 'icmp';
  const match = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|icmp))?$/.exec(text);
  if (match === null) throw new ToolUsageError(`invalid port or range ${JSON.stringify(spec)}`);
  const from = Number.parseInt(match[1]!, 10);
  const to = match[2] === undefined ? from : Number.parseInt(match[2], 10);
  const proto = match[3] ?? 'tcp';
  if (proto === 'icmp') throw new ToolUsageError(`invalid port or range ${JSON.stringify(spec)}: icmp takes no port`);
  if (from < 1 || to > 65535 || from > to)
    throw new ToolUsageError(`invalid port or range ${JSON.stringify(spec)}: ports must be 1-65535, from <= to`);
  return from === to ? `${from}/${proto}` : `${from}-${to}/${proto}`;
}

/** Sort key of a normalized port: protocol, then first port. */
export function comparePorts(a: string, b: string): number {
  const key = (p: string): [string, number] => {
    const [range = '', proto = 'icmp'] = p.includes('/') ? p.split('/') : ['0', p];
    return [proto, Number.parseInt(range, 10)];
  };
  const [pa, na] = key(a);
  const [pb, nb] = key(b);
  return pa === pb ? na - nb : pa < pb ? -1 : 1;
}

function portTool(op: 'open' | 'close'): HookTool {
  return {
    name: `${op}-port`,
    usage: `${op}-port <port>[/<protocol>] | <from>-<to>[/<protocol>] | icmp [--endpoints a,b]`,
    summary: `${op === 'open' ? 'register a request to open' : 'register a request to close'} a port or port range`,
    run(env: ToolEnv, args: readonly string[]) {
      const parsed = parseFlags(args, [ENDPOINTS_FLAG, { names: ['format'], kind: 'string' }]);
      if (parsed.positional.length === 0) throw new ToolUsageError('no port or range specified');
      checkExtraArgs(parsed.positional, 1);
      env.exec.portChanges.push({ op, port: normalizePort(parsed.positional[0]!) });
      return {};
    },
  };
}

/** `open-port` — buffered until the hook succeeds. */
export const openPort = portTool('open');
/** `close-port` — buffered until the hook succeeds. */
export const closePort = portTool('close');

/** `opened-ports [--endpoints] [--format]` — committed ports only. */
export const openedPorts = defineQueryTool(
  'opened-ports',
  {
    usage: 'opened-ports [options]',
    summary: 'list all ports or port ranges opened by the unit',
    flags: [{ names: ['endpoints'], kind: 'bool' }],
    maxArgs: 0,
  },
  (env, parsed) => {
    const ports = [...env.model.unit(env.exec.unit).ports].sort(comparePorts);
    return parsed.flags.endpoints === true ? ports.map((p) => `${p} (*)`) : ports;
  },
);

/** Applies committed port changes to a list of ports (pure). */
export function applyPortChanges(
  ports: readonly string[],
  changes: ReadonlyArray<{ op: 'open' | 'close'; port: string }>,
): string[] {
  const set = new Set(ports);
  for (const change of changes) {
    if (change.op === 'open') set.add(change.port);
    else set.delete(change.port);
  }
  return [...set].sort(comparePorts);
}
