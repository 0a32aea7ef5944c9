import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LayerConflictError } from './errors';
import { locateLayer } from './locate-layer';
import { findNpmLayers, npmLayerOf } from './npm-layers';
import { withProjectLayers } from './search-path';

describe('npmLayerOf', () => {
  it('reads "rxcharm": { "layer" } and { "interface" } declarations', () => {
    expect(npmLayerOf({ name: 'rxcharm-layer-mysql', rxcharm: { layer: 'mysql' } }, '/m')).toEqual({
      kind: 'layer',
      name: 'mysql',
      dir: '/m',
      packageName: 'rxcharm-layer-mysql',
    });
    expect(npmLayerOf({ name: 'x', rxcharm: { interface: 'mysql' } }, '/x')?.kind).toBe('interface');
  });

  it('ignores packages that declare nothing', () => {
    expect(npmLayerOf({ name: 'left-pad' }, '/l')).toBeUndefined();
    expect(npmLayerOf({ name: 'odd', rxcharm: { layer: 3 } }, '/o')).toBeUndefined();
    expect(npmLayerOf('nonsense', '/n')).toBeUndefined();
  });
});

describe('locateLayer with npm packages', () => {
  let project: string;
  const pkg = (dir: string, manifest: object): void => {
    mkdirSync(join(project, 'node_modules', dir), { recursive: true });
    writeFileSync(join(project, 'node_modules', dir, 'package.json'), JSON.stringify(manifest));
  };
  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'rxcharm-locate-'));
    writeFileSync(join(project, 'package.json'), '{}');
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  it('finds a layer declared by an installed package, scoped packages included', () => {
    pkg('rxcharm-layer-mysql', { name: 'rxcharm-layer-mysql', rxcharm: { layer: 'mysql' } });
    pkg('@acme/pg', { name: '@acme/pg', rxcharm: { interface: 'pg' } });
    const path = withProjectLayers({ layers: [], interfaces: [] }, project);
    expect(findNpmLayers(project).map((l) => l.packageName)).toEqual(['@acme/pg', 'rxcharm-layer-mysql']);
    expect(locateLayer(path, 'layer', 'mysql')).toBe(join(project, 'node_modules', 'rxcharm-layer-mysql'));
    expect(locateLayer(path, 'interface', 'pg')).toBe(join(project, 'node_modules', '@acme', 'pg'));
    expect(locateLayer(path, 'layer', 'pg')).toBeUndefined();
  });

  it("prefers the project's own layers/ directory, and a name in two places is an error naming both", () => {
    mkdirSync(join(project, 'layers', 'mysql'), { recursive: true });
    mkdirSync(join(project, 'layers', 'web'), { recursive: true });
    pkg('rxcharm-layer-mysql', { name: 'rxcharm-layer-mysql', rxcharm: { layer: 'mysql' } });
    const path = withProjectLayers({ layers: [], interfaces: [] }, project);
    expect(locateLayer(path, 'layer', 'web')).toBe(join(project, 'layers', 'web'));
    expect(() => locateLayer(path, 'layer', 'mysql')).toThrow(LayerConflictError);
    expect(() => locateLayer(path, 'layer', 'mysql')).toThrow(
      new RegExp(`${join(project, 'layers', 'mysql')}[\\s\\S]*npm package rxcharm-layer-mysql`),
    );
  });

  it('two packages declaring one name are an error naming both', () => {
    pkg('a', { name: 'a', rxcharm: { interface: 'db' } });
    pkg('b', { name: 'b', rxcharm: { interface: 'db' } });
    const path = withProjectLayers({ layers: [], interfaces: [] }, project);
    expect(() => locateLayer(path, 'interface', 'db')).toThrow(/interface:db[\s\S]*npm package a[\s\S]*npm package b/);
  });
});
