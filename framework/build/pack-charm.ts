import { createWriteStream, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { ZipFile } from 'yazl';
import { listFiles, readManifest } from './build-manifest';
import { CharmDirError } from './errors';
import { isUnitStatePath } from '../charm';

/** Options of {@link packCharm}. */
export interface PackOptions {
  /** Output file; default `<cwd>/<charm name>.charm`. */
  readonly output?: string;
  readonly cwd?: string;
}

/** The bases written to `manifest.yaml`: Ubuntu 22.04 and 24.04 on amd64. */
export const CHARM_BASES = [
  { name: 'ubuntu', channel: '22.04', architectures: ['amd64'] },
  { name: 'ubuntu', channel: '24.04', architectures: ['amd64'] },
] as const;

/**
 * Zips a built charm into `<name>.charm`, the file `juju deploy ./<name>.charm` accepts:
 * a `manifest.yaml` with the bases, then every file of the charm with its mode bits (so
 * `dispatch` and `hooks/*` stay executable). Unit state (`.rxcharm/`) is left out.
 *
 * @returns the path of the written file.
 * @throws CharmDirError when `charmDir` is not a built charm (no `.build.manifest` or `dispatch`).
 * @example
 * ```ts
 * await packCharm('build/my-app'); // ./my-app.charm
 * ```
 */
export async function packCharm(charmDir: string, options: PackOptions = {}): Promise<string> {
  const root = resolve(charmDir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CharmDirError(root, 'not a directory');
  const manifest = readManifest(root);
  if (manifest === undefined || !existsSync(join(root, 'dispatch'))) {
    throw new CharmDirError(root, 'not a built charm (no .build.manifest or dispatch); run rxcharm build first');
  }
  const output = resolve(options.output ?? join(options.cwd ?? process.cwd(), `${manifest.charm}.charm`));
  const zip = new ZipFile();
  const mtime = new Date(Date.UTC(2000, 0, 1));
  zip.addBuffer(Buffer.from(manifestYaml()), 'manifest.yaml', { mtime, mode: 0o100644 });
  for (const path of listFiles(root).sort()) {
    if (isUnitStatePath(path) || path === 'manifest.yaml') continue;
    const mode = statSync(join(root, path)).mode;
    zip.addBuffer(readFileSync(join(root, path)), path, { mtime, mode: 0o100000 | (mode & 0o777) });
  }
  zip.end();
  const temp = `${output}.tmp-${process.pid}`;
  try {
    await new Promise<void>((resolveDone, reject) => {
      const out = createWriteStream(temp);
      out.on('error', reject);
      out.on('close', () => resolveDone());
      zip.outputStream.on('error', reject).pipe(out);
    });
    renameSync(temp, output);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return output;
}

/** `manifest.yaml` of a packed charm (charmcraft's format). */
export function manifestYaml(): string {
  return stringify({
    'charmcraft-version': 'rxcharm-0.1.0',
    'charmcraft-started-at': '2000-01-01T00:00:00Z',
    bases: CHARM_BASES.map((base) => ({ ...base, architectures: [...base.architectures] })),
  });
}
