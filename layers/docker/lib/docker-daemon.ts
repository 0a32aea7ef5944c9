/**
 * The machine side of `dockerSetupStep` (docker-setup.ts): facts about this machine, and the
 * commands that install and start its Docker daemon.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isDebianLike } from './docker-setup';

/** Facts about this machine for `dockerSetupStep`. */
export function machineFacts(): { readonly installed: boolean; readonly debianLike: boolean } {
  const installed = ['/usr/bin/dockerd', '/usr/sbin/dockerd', '/usr/local/bin/dockerd'].some((p) => existsSync(p));
  let osRelease = '';
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    // Not Linux, or no os-release: not Debian-like.
  }
  return { installed, debianLike: isDebianLike(osRelease) };
}

/** Runs a command without a shell; resolves with its exit code and combined output. */
export function runCommand(
  cmd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ readonly code: number; readonly output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', (e) => resolve({ code: 127, output: e.message }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** apt-get installs docker.io non-interactively. */
export async function installDockerPackage(): Promise<{ readonly code: number; readonly output: string }> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = await runCommand('apt-get', ['update', '-qq'], env);
  if (update.code !== 0) return update;
  return runCommand('apt-get', ['install', '-y', '-qq', 'docker.io'], env);
}

/** Starts (or restarts) the local daemon through systemd, falling back to `service`. */
export async function startDockerDaemon(restart = false): Promise<{ readonly code: number; readonly output: string }> {
  const verb = restart ? 'restart' : 'start';
  const systemd = await runCommand('systemctl', [verb, 'docker']);
  if (systemd.code === 0) return systemd;
  return runCommand('service', ['docker', verb]);
}
