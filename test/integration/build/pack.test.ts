import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildCharm, CharmDirError, packCharm } from '../../../framework/build';
import { MERGE, mergeSearchPath, STUB_RUNTIME, suiteDir } from './helpers';

// Spawns node processes (bundles, hooks, the CLI): allow for a loaded machine.
jest.setTimeout(120_000);

/** Reads a zip's central directory: name → { unix mode, data } (stored or deflated entries). */
function readZip(file: string): Map<string, { mode: number; size: number }> {
  const buf = readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, { mode: number; size: number }>();
  for (let i = 0; i < count; i += 1) {
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const external = buf.readUInt32LE(offset + 38);
    const name = buf.toString('utf8', offset + 46, offset + 46 + nameLength);
    out.set(name, { mode: external >>> 16, size: buf.readUInt32LE(offset + 24) });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

describe('rxcharm pack', () => {
  const root = suiteDir('pack');
  const charmDir = join(root, 'merged-app');

  beforeAll(async () => {
    await buildCharm({
      layerDir: join(MERGE, 'top'),
      outputDir: charmDir,
      searchPath: mergeSearchPath(),
      frameworkEntry: STUB_RUNTIME,
    });
    mkdirSync(join(charmDir, '.rxcharm'));
    writeFileSync(join(charmDir, '.rxcharm', 'unit-state.json'), '{}');
  });

  it('writes <name>.charm with manifest.yaml and every built file, keeping run bits', async () => {
    const file = await packCharm(charmDir, { cwd: root });
    expect(file).toBe(join(root, 'merged-app.charm'));
    const entries = readZip(file);
    expect(entries.get('dispatch')?.mode).toBe(0o100755);
    expect(entries.get('hooks/install')?.mode).toBe(0o100755);
    expect(entries.get('hooks/db-relation-joined')?.mode).toBe(0o100755);
    expect(entries.get('actions/backup')?.mode).toBe(0o100755);
    expect(entries.get('metadata.yaml')?.mode).toBe(0o100644);
    expect(entries.has('lib/charm.js')).toBe(true);
    expect(entries.has('.build.manifest')).toBe(true);
    expect([...entries.keys()].some((name) => name.startsWith('.rxcharm/'))).toBe(false);
    expect(entries.get('manifest.yaml')).toBeDefined();
  });

  it('lists Ubuntu 22.04 and 24.04 on amd64 as bases, readable by unzip', async () => {
    const file = await packCharm(charmDir, { output: join(root, 'custom.charm') });
    const unzip = spawnSync('unzip', ['-p', file, 'manifest.yaml'], { encoding: 'utf8' });
    if (unzip.error !== undefined) return; // unzip not installed: the central-directory check above covers the format
    expect(parse(unzip.stdout)).toEqual(
      expect.objectContaining({
        bases: [
          { name: 'ubuntu', channel: '22.04', architectures: ['amd64'] },
          { name: 'ubuntu', channel: '24.04', architectures: ['amd64'] },
        ],
      }),
    );
    const listing = spawnSync('unzip', ['-Z', file, 'dispatch'], { encoding: 'utf8' });
    expect(listing.stdout).toMatch(/^-rwxr-xr-x/);
  });

  it('refuses a directory that is not a built charm', async () => {
    await expect(packCharm(join(MERGE, 'top'), { cwd: root })).rejects.toBeInstanceOf(CharmDirError);
  });
});
