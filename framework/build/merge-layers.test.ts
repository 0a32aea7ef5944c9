import { LayerFileError } from './errors';
import { mergeLayers, type LayerDocuments } from './merge-layers';
import type { ResolvedLayer } from './resolve-layers';

const layer = (name: string, config: Record<string, unknown> = {}): ResolvedLayer => ({
  name,
  dir: `/layers/${name}`,
  kind: 'layer',
  include: `layer:${name}`,
  config,
});

describe('mergeLayers', () => {
  it('takes maintainer only from the top-most metadata, applies deletes and orders metadata keys', () => {
    const docs: LayerDocuments[] = [
      {
        layer: layer('low'),
        metadata: { zeta: 1, maintainer: 'Low <l@x.io>', requires: { db: { interface: 'pgsql' } }, name: 'low' },
      },
      {
        layer: layer('top', { metadata: { deletes: ['requires.db'] } }),
        metadata: { name: 'app', summary: 's', maintainers: ['Top <t@x.io>'] },
      },
    ];
    const merged = mergeLayers(docs);
    expect(merged.metadata).toEqual({
      name: 'app',
      summary: 's',
      maintainers: ['Top <t@x.io>'],
      requires: {},
      zeta: 1,
    });
    expect(Object.keys(merged.metadata)).toEqual(['name', 'summary', 'maintainers', 'requires', 'zeta']);
    expect(merged.charmName).toBe('app');
  });

  it('deletes config options relative to options and merges actions', () => {
    const merged = mergeLayers([
      {
        layer: layer('low'),
        metadata: { name: 'app' },
        config: { options: { vip: { type: 'string' }, port: { type: 'int', default: 1 } } },
        actions: { a: {} },
      },
      {
        layer: layer('top', { config: { deletes: ['vip'] } }),
        config: { options: { port: { default: 2 } } },
        actions: { b: {} },
      },
    ]);
    expect(merged.config).toEqual({ options: { port: { type: 'int', default: 2 } } });
    expect(merged.actions).toEqual({ a: {}, b: {} });
  });

  it('rejects a config.yaml whose options are not a mapping of mappings, naming the layer file', () => {
    const app = { name: 'app' };
    expect(() => mergeLayers([{ layer: layer('top'), metadata: app, config: { options: ['a', 'b'] } }])).toThrow(
      /invalid layer file: \/layers\/top\/config.yaml\n {2}`options` must be a mapping .*not a list/,
    );
    expect(() => mergeLayers([{ layer: layer('top'), metadata: app, config: { options: { port: 8080 } } }])).toThrow(
      /\/layers\/top\/config.yaml\n {2}options.port must be a mapping .*not a number \(8080\)/,
    );
    expect(mergeLayers([{ layer: layer('top'), metadata: app, config: { options: null } }]).config).toEqual({
      options: null,
    });
  });

  it('writes layer.yaml with options defaulted and is: <charm>, without defines', () => {
    const merged = mergeLayers([
      { layer: layer('basic', { defines: { 'install-node': { type: 'boolean', default: true } } }) },
      { layer: layer('top', { includes: ['layer:basic'], exclude: ['x'] }), metadata: { name: 'app' } },
    ]);
    expect(merged.layerYaml).toEqual({
      includes: ['layer:basic'],
      options: { basic: { 'install-node': true } },
      is: 'app',
    });
    expect(merged.layerOptions).toEqual({ basic: { 'install-node': true } });
    expect(merged.config).toBeUndefined();
  });

  it('requires metadata.yaml and a valid name', () => {
    expect(() => mergeLayers([{ layer: layer('top') }])).toThrow(LayerFileError);
    expect(() => mergeLayers([{ layer: layer('top'), metadata: { name: 'Bad' } }])).toThrow(/`name` must be/);
  });
});
