import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCharm, searchPathFromEnv } from '../../framework/build';
import { removeProject } from '../../test/support/docker-cleanup';

/** The local images the voting-app charm is configured with (scripts/images/build-images.sh). */
export const VOTING_IMAGES = {
  vote_image: 'rxcharm/vote:latest',
  worker_image: 'rxcharm/worker:latest',
  result_image: 'rxcharm/result:latest',
  redis_image: 'rxcharm/redis:latest',
  postgres_image: 'rxcharm/postgres:latest',
} as const;

/** Why the voting-app cannot run here (no daemon, images missing), or undefined when it can. */
export function votingAppUnavailable(): string | undefined {
  if (spawnSync('docker', ['version'], { stdio: 'ignore' }).status !== 0) return 'no Docker daemon';
  const images = Object.values(VOTING_IMAGES);
  if (spawnSync('docker', ['image', 'inspect', ...images], { stdio: 'ignore' }).status !== 0) {
    return `images missing (${images.join(', ')}): run scripts/images/build-images.sh`;
  }
  return undefined;
}

/** A free TCP port on 127.0.0.1 (for the vote/result ports). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Letters only, so it is valid in an application name (`rxbench-<tag>`). */
export function letterTag(): string {
  let n = process.pid * 1000 + Math.floor(Math.random() * 1000);
  let out = '';
  do {
    out += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  } while (n > 0);
  return out;
}

/** Builds `charms/voting-app` from the current sources into a temp dir; returns the charm dir. */
export async function buildVotingApp(
  root: string,
): Promise<{ readonly charmDir: string; readonly dispose: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-bench-build-'));
  const result = await buildCharm({
    layerDir: join(root, 'charms', 'voting-app'),
    outputDir: join(dir, 'voting-app'),
    searchPath: searchPathFromEnv({}, root),
    packageRoot: root,
  });
  return { charmDir: result.outputDir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Compose project of a unit (layer:docker's `unitProjectName`): `app/0` → `app-0`. */
export function projectOfUnit(unit: string): string {
  return unit.replace(/[^a-zA-Z0-9_-]/g, '-').toLowerCase();
}

/** Removes a unit's containers and network. */
export function removeUnitContainers(unit: string): void {
  removeProject(projectOfUnit(unit));
}
