import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { OutputFile } from '../../build';
import { UNIT_STATE_DIR } from '../../charm';

/** Writes the built charm's files plus the files a previous run left (`extra`) into `dir`. */
export function materializeCharmDir(
  dir: string,
  files: readonly OutputFile[],
  extra: Readonly<Record<string, string>>,
): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of files) {
    const target = join(dir, ...f.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.content, { mode: f.mode });
  }
  for (const [path, content] of Object.entries(extra)) {
    const target = join(dir, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content, { mode: 0o600 });
  }
}

function walk(dir: string, root: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const rel = relative(root, path).split(sep).join('/');
    if (rel === UNIT_STATE_DIR) continue;
    if (statSync(path).isDirectory()) walk(path, root, out);
    else out.push(rel);
  }
}

/** Files in `dir` that the charm created or changed (not the built charm's own files), as text. */
export function collectCharmFiles(dir: string, files: readonly OutputFile[]): Record<string, string> {
  const original = new Map(files.map((f) => [f.path, Buffer.from(f.content)]));
  const paths: string[] = [];
  walk(dir, dir, paths);
  const out: Record<string, string> = {};
  for (const path of paths.sort()) {
    const content = readFileSync(join(dir, ...path.split('/')));
    const before = original.get(path);
    if (before === undefined || !before.equals(content)) out[path] = content.toString('utf8');
  }
  return out;
}
