import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigSchemaError } from '../hookenv';
import { loadCharmFiles, parseCharmFiles } from './charm-files';
import { CharmMetadataError } from './runtime-errors';

const META = 'name: app\nrequires:\n  db:\n    interface: pgsql\n';
const CONFIG = 'options:\n  port:\n    type: int\n    default: 80\n';

describe('loadCharmFiles', () => {
  let dir: string;
  let cache: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rxcharm-charm-files-'));
    cache = join(dir, 'charm-files.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const reader = (files: Record<string, string>) => {
    const reads: string[] = [];
    return { reads, read: (name: string) => (reads.push(name), files[name]) };
  };

  it('parses like parseCharmFiles and serves the same result from the cache while the texts are unchanged', () => {
    const expected = parseCharmFiles(dir, META, CONFIG);
    expect(loadCharmFiles(dir, reader({ 'metadata.yaml': META, 'config.yaml': CONFIG }).read, cache)).toEqual(expected);
    const stored = readFileSync(cache, 'utf8');
    // Make the stored result distinguishable: a hit must come from the file, not from a new parse.
    writeFileSync(cache, stored.replaceAll('"pgsql"', '"from-cache"'));
    expect(
      loadCharmFiles(dir, reader({ 'metadata.yaml': META, 'config.yaml': CONFIG }).read, cache).meta.roles.requires,
    ).toEqual({ db: 'from-cache' });
  });

  it('parses again when a file changed, and rewrites the cache', () => {
    loadCharmFiles(dir, reader({ 'metadata.yaml': META, 'config.yaml': CONFIG }).read, cache);
    const changed = CONFIG.replace('80', '8080');
    expect(
      loadCharmFiles(dir, reader({ 'metadata.yaml': META, 'config.yaml': changed }).read, cache).schema.port?.default,
    ).toBe(8080);
    expect(JSON.parse(readFileSync(cache, 'utf8')).configText).toBe(changed);
  });

  it('ignores a corrupt cache', () => {
    writeFileSync(cache, '{not json');
    expect(loadCharmFiles(dir, reader({ 'metadata.yaml': META }).read, cache).meta.name).toBe('app');
  });

  it('never caches an error: a broken file fails every time with the typed error', () => {
    const bad = reader({ 'metadata.yaml': META, 'config.yaml': 'options:\n  port:\n    type: colour\n' });
    expect(() => loadCharmFiles(dir, bad.read, cache)).toThrow(ConfigSchemaError);
    expect(() => loadCharmFiles(dir, bad.read, cache)).toThrow(ConfigSchemaError);
    expect(() => readFileSync(cache)).toThrow();
  });

  it('names a missing metadata.yaml', () => {
    expect(() => loadCharmFiles(dir, reader({}).read, cache)).toThrow(CharmMetadataError);
  });

  it('works without a cache file', () => {
    expect(loadCharmFiles(dir, reader({ 'metadata.yaml': META }).read).schema).toEqual({});
  });
});
