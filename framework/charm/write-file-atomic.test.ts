import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './write-file-atomic';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rxcharm-atomic-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the content with the mode (0600 by default), creating the directory, leaving no temp file', () => {
    const file = join(dir, 'sub', 'a.json');
    expect(writeFileAtomic(file, '{}')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{}');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileAtomic(file, 'x', { mode: 0o755 });
    expect(statSync(file).mode & 0o777).toBe(0o755);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['a.json']);
  });

  it('with skipUnchanged, leaves a file with the same content untouched but corrects its mode', () => {
    const file = join(dir, 'a');
    writeFileSync(file, 'same', { mode: 0o644 });
    utimesSync(file, 1, 1);
    expect(writeFileAtomic(file, 'same', { skipUnchanged: true })).toBe(false);
    expect(statSync(file).mtimeMs).toBe(1000);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(writeFileAtomic(file, 'other', { skipUnchanged: true })).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('other');
  });

  it('throws the file system error and leaves no temp file behind', () => {
    const file = join(dir, 'a');
    writeFileSync(join(dir, 'blocker'), '');
    expect(() => writeFileAtomic(join(dir, 'blocker', 'x'), 'y')).toThrow(/ENOTDIR|EEXIST/);
    expect(readdirSync(dir)).toEqual(['blocker']);
    expect(() => writeFileAtomic(file, 'ok')).not.toThrow();
  });
});
