/**
 * Local test images. No registry is reachable, so images are assembled from the host's Debian
 * binaries (plus the libraries `ldd` lists) and loaded with `docker import`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The busybox test image (busybox-static with every applet linked; `sh`, `sleep`, `httpd`, `nc`, `wget`...). */
export const BUSYBOX_IMAGE = 'rxcharm-test/busybox:latest';

/** How to assemble an image from host files. */
export interface ImageRecipe {
  /** Host executables copied to the same path, with their shared libraries. */
  readonly binaries?: readonly string[];
  /** Extra files: image path → content. */
  readonly files?: Readonly<Record<string, string>>;
  /** Empty directories to create (mode 1777 for `/tmp`-like ones is up to the caller via `files`). */
  readonly dirs?: readonly string[];
  /** Symlinks: image path → target. */
  readonly links?: Readonly<Record<string, string>>;
  /** Dockerfile-style `--change` lines, e.g. `CMD ["sh"]`. */
  readonly changes?: readonly string[];
}

function imageExists(ref: string): boolean {
  return spawnSync('docker', ['image', 'inspect', ref], { stdio: 'ignore' }).status === 0;
}

function sharedLibraries(binary: string): string[] {
  const out = spawnSync('ldd', [binary], { encoding: 'utf8' });
  if (out.status !== 0) return []; // static binary
  return [...out.stdout.matchAll(/(\/\S+)\s+\(0x/g)].map((m) => m[1]);
}

function copyInto(root: string, path: string): void {
  const dest = join(root, path);
  mkdirSync(dirname(dest), { recursive: true });
  copyFileSync(path, dest);
  chmodSync(dest, 0o755);
}

/**
 * Builds `ref` from a recipe with `docker import` unless it already exists.
 *
 * @returns `ref`.
 */
export function buildImage(ref: string, recipe: ImageRecipe): string {
  if (imageExists(ref)) return ref;
  const root = mkdtempSync(join(tmpdir(), 'rxcharm-image-'));
  try {
    for (const dir of ['tmp', ...(recipe.dirs ?? [])]) mkdirSync(join(root, dir), { recursive: true });
    chmodSync(join(root, 'tmp'), 0o1777);
    for (const bin of recipe.binaries ?? []) {
      copyInto(root, bin);
      for (const lib of sharedLibraries(bin)) if (!existsSync(join(root, lib))) copyInto(root, lib);
    }
    for (const [path, content] of Object.entries(recipe.files ?? {})) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    for (const [path, target] of Object.entries(recipe.links ?? {})) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      if (!existsSync(join(root, path))) symlinkSync(target, join(root, path));
    }
    const tar = join(tmpdir(), `rxcharm-image-${process.pid}-${Date.now()}.tar`);
    execFileSync('tar', ['-C', root, '-cf', tar, '.']);
    try {
      const args = [
        'import',
        ...(recipe.changes ?? []).flatMap((c) => ['--change', c]),
        '--change',
        'LABEL rxcharm.test=image',
        tar,
        ref,
      ];
      execFileSync('docker', args, { stdio: 'ignore' });
    } finally {
      rmSync(tar, { force: true });
    }
    return ref;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Builds (once) and returns {@link BUSYBOX_IMAGE}. Containers from it need `init: true` to stop quickly. */
export function ensureBusyboxImage(): string {
  const applets = execFileSync('/bin/busybox', ['--list'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const links: Record<string, string> = {};
  for (const a of applets) links[`bin/${a}`] = '/bin/busybox';
  return buildImage(BUSYBOX_IMAGE, {
    binaries: ['/bin/busybox'],
    links,
    dirs: ['www', 'etc'],
    files: {
      'etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n',
      'etc/group': 'root:x:0:\nnogroup:x:65534:\n',
    },
    changes: ['CMD ["sh"]', 'ENV PATH=/bin'],
  });
}

/** Images `scripts/images/build-images.sh` makes (see docs/images.md). */
export type ProjectImage = 'busybox' | 'redis' | 'postgres' | 'node' | 'haproxy' | 'vote' | 'worker' | 'result';

/**
 * Ensures `rxcharm/<name>:latest` through `scripts/images/build-images.sh` (idempotent, serialized
 * with flock, skips current images) and returns the reference.
 */
export function ensureProjectImage(name: ProjectImage): string {
  const script = join(__dirname, '..', '..', 'scripts', 'images', 'build-images.sh');
  execFileSync('bash', [script, name], { stdio: ['ignore', 'ignore', 'inherit'] });
  return `rxcharm/${name}:latest`;
}
