/**
 * Atomic file replacement: temp file in the same directory → write → fsync → rename → fsync dir.
 * A reader sees the old content or the new one, never a mix; a crash leaves the old file.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TemplateWriteError } from './errors';

function readIfExists(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on a directory; the rename itself already happened.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Write `content` to `file` with `mode` unless it already holds exactly that content.
 * An unchanged file is not rewritten (its mtime stays), only its mode is corrected if needed.
 * @returns whether the content changed
 */
export function writeFileAtomic(file: string, content: string, mode: number): boolean {
  const target = path.resolve(file);
  const data = Buffer.from(content, 'utf8');
  let temp: string | undefined;
  try {
    const existing = readIfExists(target);
    if (existing !== undefined && existing.equals(data)) {
      if ((fs.statSync(target).mode & 0o7777) !== mode) fs.chmodSync(target, mode);
      return false;
    }
    const dir = path.dirname(target);
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
    temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    const fd = fs.openSync(temp, 'wx', mode);
    try {
      fs.fchmodSync(fd, mode); // the umask may have narrowed the mode given to open
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    temp = undefined;
    fsyncDir(dir);
    return true;
  } catch (error) {
    if (temp !== undefined) fs.rmSync(temp, { force: true });
    throw new TemplateWriteError(target, error);
  }
}
