import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './write-file-atomic';
import { useTempDir } from '../../test/support/temp-dir';

describe('writeFileAtomic', () => {
  const tmp = useTempDir('rxcharm-atomic-');

  it('writes the content with the mode (0600 by default), creating the directory, leaving no temp file', () => {
    const file = join(tmp.path, 'sub', 'a.json');
    expect(writeFileAtomic(file, '{}')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{}');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileAtomic(file, 'x', { mode: 0o755 });
    expect(statSync(file).mode & 0o777).toBe(0o755);
    expect(readdirSync(join(tmp.path, 'sub'))).toEqual(['a.json']);
  });

  it('with skipUnchanged, leaves a file with the same content untouched but corrects its mode', () => {
    const file = join(tmp.path, 'a');
    writeFileSync(file, 'same', { mode: 0o644 });
    utimesSync(file, 1, 1);
    expect(writeFileAtomic(file, 'same', { skipUnchanged: true })).toBe(false);
    expect(statSync(file).mtimeMs).toBe(1000);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(writeFileAtomic(file, 'other', { skipUnchanged: true })).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('other');
  });

  it('throws the file system error and leaves no temp file behind', () => {
    const file = join(tmp.path, 'a');
    writeFileSync(join(tmp.path, 'blocker'), '');
    expect(() => writeFileAtomic(join(tmp.path, 'blocker', 'x'), 'y')).toThrow(/ENOTDIR|EEXIST/);
    expect(readdirSync(tmp.path)).toEqual(['blocker']);
    expect(() => writeFileAtomic(file, 'ok')).not.toThrow();
  });
});
