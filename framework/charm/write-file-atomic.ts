import {
  chmodSync,
  closeSync,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { readFileIfExists } from './read-file-if-exists';

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Mode of the file (not narrowed by the umask); default 0600. */
  readonly mode?: number;
  /**
   * Leave a file that already holds exactly `content` untouched (its mtime stays; only its mode
   * is corrected), and report it unchanged.
   */
  readonly skipUnchanged?: boolean;
}

/**
 * Replaces `file` so that a reader sees the old content or the new one, never a mix, and a crash
 * leaves the old file: temp file in the same directory → write → fsync → rename → fsync the
 * directory. Creates the directory if needed.
 *
 * @returns whether the content changed (always true without `skipUnchanged`).
 * @throws the file system's error; the temp file is removed first.
 */
export function writeFileAtomic(
  file: string,
  content: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): boolean {
  const target = resolve(file);
  const mode = options.mode ?? 0o600;
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (options.skipUnchanged === true) {
    const existing = readFileIfExists(target);
    if (existing !== undefined && existing.equals(data)) {
      if ((statSync(target).mode & 0o7777) !== mode) chmodSync(target, mode);
      return false;
    }
  }
  const dir = dirname(target);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  // Unique without `crypto` (which a hook otherwise never loads): pid, time and a counter; `wx`
  // refuses a leftover of the same name rather than writing through it.
  const temp = join(dir, `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.${++tempCounter}.tmp`);
  try {
    const fd = openSync(temp, 'wx', mode);
    try {
      fchmodSync(fd, mode); // the umask may have narrowed the mode given to open
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(dir);
  return true;
}

let tempCounter = 0;

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on a directory; the rename itself already happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
