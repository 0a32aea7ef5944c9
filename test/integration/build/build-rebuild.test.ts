import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCharm, OutputModifiedError } from '../../../framework/build';
import { entries, MERGE, mergeSearchPath, STUB_RUNTIME, tempDir } from './helpers';

// Spawns node processes (bundles, hooks, the CLI): allow for a loaded machine.
jest.setTimeout(120_000);

const build = (outputDir: string, force = false) =>
  buildCharm({
    layerDir: join(MERGE, 'top'),
    outputDir,
    searchPath: mergeSearchPath(),
    frameworkEntry: STUB_RUNTIME,
    force,
  });

describe('rxcharm build: rebuilding over previous output', () => {
  it('rebuilds a pristine output with no changes and keeps unit state', async () => {
    using tmp = tempDir('rebuild');
    const out = join(tmp.dir, 'app');
    const first = await build(out);
    expect(first.changes.firstBuild).toBe(true);
    mkdirSync(join(out, '.rxcharm'));
    writeFileSync(join(out, '.rxcharm', 'unit-state.json'), '{"version":1}');
    const second = await build(out);
    expect(second.changes).toEqual({ added: [], changed: [], removed: [], firstBuild: false });
    expect(readFileSync(join(out, '.rxcharm', 'unit-state.json'), 'utf8')).toBe('{"version":1}');
    expect(entries(tmp.dir)).toEqual(['app']);
  });

  it('refuses to overwrite hand edits without force, and overwrites them with force', async () => {
    using tmp = tempDir('edited');
    const out = join(tmp.dir, 'app');
    await build(out);
    writeFileSync(join(out, 'files', 'shared.txt'), 'edited by hand\n');
    writeFileSync(join(out, 'notes.txt'), 'new file\n');
    const refused = build(out);
    await expect(refused).rejects.toBeInstanceOf(OutputModifiedError);
    await expect(refused).rejects.toThrow(/changed: files\/shared\.txt\n {2}added: notes\.txt/);
    expect(readFileSync(join(out, 'files', 'shared.txt'), 'utf8')).toBe('edited by hand\n');
    const forced = await build(out, true);
    expect(forced.changes.changed).toEqual([]);
    expect(readFileSync(join(out, 'files', 'shared.txt'), 'utf8')).toBe('from mid-c\n');
    expect(existsSync(join(out, 'notes.txt'))).toBe(false);
    expect(entries(tmp.dir)).toEqual(['app']);
  });

  it('refuses a non-empty directory that is not a previous build', async () => {
    using tmp = tempDir('foreign');
    const out = join(tmp.dir, 'app');
    mkdirSync(out);
    writeFileSync(join(out, 'precious.txt'), 'keep me');
    await expect(build(out)).rejects.toThrow(/not a previous build/);
    expect(readFileSync(join(out, 'precious.txt'), 'utf8')).toBe('keep me');
  });
});
