/**
 * Is a Docker engine reachable? (Which address containers reach this host on is the agent's
 * business: see `defaultUnitAddress` in framework/agent and docs/local-agent.md.)
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
  if (result.code !== 0)
    return {
      ok: false,
      reason:
        (result.stderr || result.stdout).trim().split('\n').slice(-2).join(' ') ||
        `docker version exited with ${result.code}`,
    };
  return { ok: true, server: result.stdout.trim() };
}
