import {
  chmodSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** Files of a charm dir, relative paths with `/`; `.rxcharm/` (unit state) is never a charm file. */
export function listCharmFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (path === '.rxcharm') continue;
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk('');
  return files.sort();
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = lstatSync(a);
    const sb = lstatSync(b);
    if (sa.isSymbolicLink() || sb.isSymbolicLink())
      return sa.isSymbolicLink() && sb.isSymbolicLink() && readlinkSync(a) === readlinkSync(b);
    if (sa.size !== sb.size || sa.mode !== sb.mode) return false;
    return readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

/** What {@link replaceCharmFiles} changed in the target, relative paths. */
export interface CharmFilesChange {
  readonly written: readonly string[];
  readonly removed: readonly string[];
}

/**
 * Moves a deployed charm dir from the charm `previous` to the charm `next`, as Juju's deployer
 * does on upgrade: files of the old charm that the new one lacks are removed, new and changed
 * files are written, identical ones are left alone, and everything the unit wrote itself (its
 * `.rxcharm/` state, logs, rendered files) stays.
 */
export function replaceCharmFiles(previous: readonly string[], nextDir: string, targetDir: string): CharmFilesChange {
  const next = listCharmFiles(nextDir);
  const keep = new Set(next);
  const removed = previous.filter((path) => !keep.has(path));
  for (const path of removed) rmSync(join(targetDir, path), { force: true });
  const written: string[] = [];
  for (const path of next) {
    const from = join(nextDir, path);
    const to = join(targetDir, path);
    if (sameFile(from, to)) continue;
    mkdirSync(dirname(to), { recursive: true });
    rmSync(to, { force: true, recursive: true });
    const stat = lstatSync(from);
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else {
      copyFileSync(from, to);
      chmodSync(to, stat.mode & 0o7777);
    }
    written.push(path);
  }
  return { written, removed };
}
