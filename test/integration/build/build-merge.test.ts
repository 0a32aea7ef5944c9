import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { buildCharm, readManifest, STANDARD_HOOKS } from '../../../framework/build';
import { MERGE, mergeSearchPath, STUB_RUNTIME, suiteDir } from './helpers';

// Spawns node processes (bundles, hooks, the CLI): allow for a loaded machine.
jest.setTimeout(120_000);

const expected = (name: string): unknown => parse(readFileSync(join(MERGE, 'expected', name), 'utf8'));
const built = (out: string, name: string): unknown => parse(readFileSync(join(out, name), 'utf8'));

describe('rxcharm build: merging a stack of four layers', () => {
  const out = join(suiteDir('merge'), 'merged-app');
  let result: Awaited<ReturnType<typeof buildCharm>>;

  beforeAll(async () => {
    result = await buildCharm({
      layerDir: join(MERGE, 'top'),
      outputDir: out,
      searchPath: mergeSearchPath(),
      frameworkEntry: STUB_RUNTIME,
    });
  });

  it('orders layers depth-first, keeping the first position of a repeated include', () => {
    expect(result.stack.layers.map((l) => l.name)).toEqual(['base-a', 'mid-b', 'mid-c', 'merged-app']);
    expect(result.stack.interfaces.map((i) => i.name)).toEqual(['kv']);
  });

  it.each(['metadata.yaml', 'config.yaml', 'layer.yaml', 'actions.yaml'])('writes the expected merged %s', (file) => {
    expect(built(out, file)).toEqual(expected(file));
  });

  it('copies files with the highest layer winning, honouring exclude and ignore', () => {
    const text = (path: string): string => readFileSync(join(out, path), 'utf8').trim();
    expect(text('files/shared.txt')).toBe('from mid-c');
    expect(text('files/only-a.txt')).toBe('only in a');
    expect(text('files/b-excluded.txt')).toBe('b original'); // mid-b excludes its own copy
    expect(() => statSync(join(out, 'files/ignored-by-top.txt'))).toThrow(); // the top layer ignores it
    expect(text('templates/app.conf')).toBe('port={{port}} name={{name}}');
    expect(text('interfaces/kv/index.ts')).toContain('KvRequires');
  });

  it('writes executable hooks for standard hooks, endpoints and actions, keeping a layer-provided hook', () => {
    for (const hook of [
      ...STANDARD_HOOKS,
      'db-relation-joined',
      'db-relation-broken',
      'website-relation-created',
      'website-relation-departed',
    ]) {
      expect(statSync(join(out, 'hooks', hook)).mode & 0o111).toBe(0o111);
    }
    expect(() => statSync(join(out, 'hooks/cache-relation-joined'))).toThrow(); // requires.cache was deleted
    expect(statSync(join(out, 'dispatch')).mode & 0o111).toBe(0o111);
    expect(statSync(join(out, 'actions/backup')).mode & 0o111).toBe(0o111);
    expect(readFileSync(join(out, 'hooks/install'), 'utf8')).toContain('custom install from base-a');
    expect(readFileSync(join(out, 'hooks/config-changed'), 'utf8')).toContain(
      'JUJU_DISPATCH_PATH="hooks/config-changed"',
    );
  });

  it('records every file in .build.manifest with its layer, kind and sha256', () => {
    const manifest = readManifest(out);
    expect(manifest?.charm).toBe('merged-app');
    expect(manifest?.files['files/shared.txt']).toEqual(expect.objectContaining({ layer: 'mid-c', kind: 'static' }));
    expect(manifest?.files['hooks/install']).toEqual(expect.objectContaining({ layer: 'base-a', kind: 'static' }));
    expect(manifest?.files['metadata.yaml']).toEqual(expect.objectContaining({ layer: 'build', kind: 'dynamic' }));
    expect(manifest?.files['lib/charm.js']?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest?.layers.map((l) => `${l.kind}:${l.name}`)).toEqual([
      'layer:base-a',
      'layer:mid-b',
      'layer:mid-c',
      'layer:merged-app',
      'interface:kv',
    ]);
  });

  it('runs a hook stub through dispatch into the bundle, which imports every layer in order', () => {
    const run = spawnSync('sh', [join(out, 'hooks', 'db-relation-changed')], {
      env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, JUJU_CHARM_DIR: out },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const bundle = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(bundle).toEqual({
      charmName: 'merged-app',
      modules: [
        { layer: 'base-a', file: 'reactive/a.ts', exports: ['installA'] },
        { layer: 'mid-b', file: 'reactive/b.ts', exports: ['configureB'] },
        { layer: 'mid-c', file: 'reactive/c.ts', exports: ['startC'] },
        { layer: 'merged-app', file: 'reactive/top.ts', exports: ['ready'] },
      ],
      interfaces: [{ name: 'kv', exports: ['KvRequires', 'requires'] }],
      layerOptions: { 'base-a': { color: 'green', retries: 5, tags: ['b', 'top'] }, 'mid-c': { mode: 'safe' } },
      dispatchPath: 'hooks/db-relation-changed',
      charmDir: out,
    });
  });

  it('bundles into lib/charm.bundle.js, which needs no node_modules', () => {
    const code = readFileSync(join(out, 'lib/charm.bundle.js'), 'utf8');
    expect(code).not.toMatch(/require\(["']rxcharm["']\)/);
    expect(code).not.toMatch(/require\(["']layer:/);
    expect(code).toContain('base-a:install');
  });
});
