/**
 * Labels and clean-up for Docker resources tests create. Everything a test creates carries
 * `rxcharm.test=<run id>`; compose projects are also removed by their project label.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** Label key every test resource carries. */
export const TEST_LABEL = 'rxcharm.test';

/** A short unique name: `<prefix><8 hex>`, lowercase (valid as a compose project name). */
export function uniqueName(prefix = 'rxt'): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

/** `{ 'rxcharm.test': value }`, for a compose file's `labels:` or a container spec. */
export function testLabels(value: string): Record<string, string> {
  return { [TEST_LABEL]: value };
}

/** True when a Docker daemon answers on the default socket. */
export function dockerAvailable(): boolean {
  return spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { stdio: 'ignore' }).status === 0;
}

function ids(kind: 'container' | 'network' | 'volume', filter: string): string[] {
  const args = kind === 'container' ? ['ps', '-aq', '--filter', filter] : [kind, 'ls', '-q', '--filter', filter];
  const out = spawnSync('docker', args, { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.split('\n').filter(Boolean) : [];
}

/** Force-removes every container, then network, then volume matching `label=<filter>` (e.g. `rxcharm.test=x`). */
export function removeByLabel(filter: string): void {
  const containers = ids('container', `label=${filter}`);
  if (containers.length > 0) spawnSync('docker', ['rm', '-fv', ...containers], { stdio: 'ignore' });
  const networks = ids('network', `label=${filter}`);
  if (networks.length > 0) spawnSync('docker', ['network', 'rm', ...networks], { stdio: 'ignore' });
  const volumes = ids('volume', `label=${filter}`);
  if (volumes.length > 0) spawnSync('docker', ['volume', 'rm', '-f', ...volumes], { stdio: 'ignore' });
}

/** Removes everything of a compose project (by `com.docker.compose.project`) and of a test label value. */
export function removeProject(project: string): void {
  removeByLabel(`com.docker.compose.project=${project}`);
  removeByLabel(`${TEST_LABEL}=${project}`);
}
