import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LayerFileError } from './errors';
import { planFiles } from './plan-files';
import type { ResolvedLayer } from './resolve-layers';
import { useTempDir } from '../../test/support/temp-dir';

describe('planFiles', () => {
  const tmp = useTempDir('rxcharm-plan-files-');

  function layer(name: string, files: Record<string, string>): ResolvedLayer {
    const dir = join(tmp.path, name);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return { name, dir, kind: 'layer', include: `layer:${name}`, config: {} };
  }

  it("puts each layer's lib/ under lib/<layer>/ and lets the higher layer win other files", () => {
    const low = layer('low', { 'lib/index.ts': 'low', 'templates/a.tmpl': 'low', 'metadata.yaml': 'name: x' });
    const top = layer('top', { 'lib/index.ts': 'top', 'templates/a.tmpl': 'top' });
    expect(planFiles({ layers: [low, top], interfaces: [] }, []).map((f) => `${f.path} <- ${f.layer}`)).toEqual([
      'lib/low/index.ts <- low',
      'lib/top/index.ts <- top',
      'templates/a.tmpl <- top',
    ]);
  });

  it('refuses a layer named vendor that ships lib/, naming the file', () => {
    const vendor = layer('vendor', { 'lib/index.ts': 'x' });
    expect(() => planFiles({ layers: [vendor], interfaces: [] }, [])).toThrow(LayerFileError);
    expect(() => planFiles({ layers: [vendor], interfaces: [] }, [])).toThrow(
      /vendor\/lib\/index\.ts\n.*lib\/vendor\/ holds the packages/,
    );
  });
});
