import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileIfExists } from './read-file-if-exists';

describe('readFileIfExists', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file, answers undefined for a missing one and throws on anything else', () => {
    writeFileSync(join(dir, 'a'), 'x');
    expect(readFileIfExists(join(dir, 'a'))?.toString()).toBe('x');
    expect(readFileIfExists(join(dir, 'missing'))).toBeUndefined();
    expect(() => readFileIfExists(dir)).toThrow(/EISDIR/);
  });
});
