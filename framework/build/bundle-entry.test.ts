import { bundleEntrySource } from './bundle-entry';

describe('bundleEntrySource', () => {
  it('imports modules in order and passes them to run()', () => {
    const source = bundleEntrySource({
      charmName: 'app',
      modules: [
        { layer: 'basic', file: 'reactive/basic.ts', source: '/l/basic/reactive/basic.ts' },
        { layer: 'app', file: 'reactive/app.ts', source: '/l/app/reactive/app.ts' },
      ],
      interfaces: [{ name: 'redis', source: '/i/redis/index.ts' }],
      layerOptions: { basic: { 'install-node': true } },
    });
    expect(source).toContain("import { run } from 'rxcharm:internal';");
    expect(source.indexOf('"/l/basic/reactive/basic.ts"')).toBeLessThan(source.indexOf('"/l/app/reactive/app.ts"'));
    expect(source).toContain('{ layer: "basic", file: "reactive/basic.ts", exports: module0 },');
    expect(source).toContain('{ name: "redis", exports: interface0 },');
    expect(source).toContain('layerOptions: {"basic":{"install-node":true}},');
  });

  it('quotes paths safely', () => {
    const source = bundleEntrySource({
      charmName: 'a',
      modules: [{ layer: 'x', file: 'reactive/q.ts', source: '/odd/it\'s "here".ts' }],
      interfaces: [],
      layerOptions: {},
    });
    expect(source).toContain('import * as module0 from "/odd/it\'s \\"here\\".ts";');
  });
});
