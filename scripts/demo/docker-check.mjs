/**
 * Is a Docker engine reachable, and which address reaches this host from other containers?
 */
import { run } from './run.mjs';

/** What to tell someone without a Docker engine. */
export const HOW_TO_GET_DOCKER = [
  'The demo needs a Docker engine (and the docker CLI) on this machine. On Debian or Ubuntu:',
  '',
  '    sudo apt-get install -y docker.io docker-compose',
  '    sudo systemctl start docker        # or, without systemd: sudo dockerd >/var/log/dockerd.log 2>&1 &',
  '',
  'then check that `docker version` shows a Server section (add yourself to the docker group, or',
  'run as root) and run `npm run demo` again. DOCKER_HOST is honoured if your engine is elsewhere.',
].join('\n');

/** `{ ok: true, server }` or `{ ok: false, reason }`. */
export async function checkDocker() {
  const result = await run(['docker', 'version', '--format', '{{.Server.Version}} (API {{.Server.APIVersion}})']);
  if (result.code === 127) return { ok: false, reason: 'the docker command is not installed' };
  if (result.code !== 0) return { ok: false, reason: (result.stderr || result.stdout).trim().split('\n').slice(-2).join(' ') || `docker version exited with ${result.code}` };
  return { ok: true, server: result.stdout.trim() };
}

/**
 * The default bridge's gateway (e.g. 172.17.0.1): a host address every container can reach, so a
 * port published on the host is reachable there from any compose network. Docker leaves
 * `Gateway` empty in some setups; the subnet's first address is the gateway then.
 */
export async function bridgeGateway() {
  const result = await run(['docker', 'network', 'inspect', 'bridge', '--format', '{{json .IPAM.Config}}']);
  if (result.code !== 0) return undefined;
  let configs;
  try {
    configs = JSON.parse(result.stdout);
  } catch {
    return undefined;
  }
  for (const config of configs ?? []) {
    if (typeof config.Gateway === 'string' && /^\d+\.\d+\.\d+\.\d+$/.test(config.Gateway)) return config.Gateway;
    const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(config.Subnet ?? '');
    if (match) {
      const base = match.slice(1, 5).map(Number).reduce((a, b) => a * 256 + b, 0);
      const mask = Number(match[5]) === 0 ? 0 : (0xffffffff << (32 - Number(match[5]))) >>> 0;
      const first = ((base & mask) >>> 0) + 1;
      return [24, 16, 8, 0].map((s) => (first >>> s) & 255).join('.');
    }
  }
  return undefined;
}
