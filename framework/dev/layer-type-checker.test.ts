import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findPackageRoot, resolveLayers, searchPathFromEnv, type BundleAliases } from '../build';
import { LayerTypeChecker } from './layer-type-checker';

const root = findPackageRoot();

function aliasesOf(layerDir: string): BundleAliases {
  const stack = resolveLayers(layerDir, searchPathFromEnv({}, root));
  return {
    framework: join(root, 'framework', 'index.ts'),
    layers: Object.fromEntries(stack.layers.map((l) => [l.name, l.dir])),
    interfaces: Object.fromEntries(stack.interfaces.map((i) => [i.name, i.dir])),
    nodePaths: [join(root, 'node_modules')],
  };
}

describe('LayerTypeChecker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-typecheck-'));
  const layer = join(dir, 'status-app');
  cpSync(resolve(__dirname, '../../test/fixtures/layers/status-app'), layer, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports an error in a layer file with file:line, then nothing once it is fixed', async () => {
    const checker = await LayerTypeChecker.create(root);
    const aliases = aliasesOf(layer);
    expect(checker.check(aliases)).toEqual([]);
    const file = join(layer, 'reactive', 'status-app.ts');
    const good = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      good.replace("this.config.get<number>('port') > 0", "this.config.get<number>('port') > 'zero'"),
    );
    const errors = checker.check(aliases);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file, line: 12, code: 'TS2365' });
    writeFileSync(file, good);
    expect(checker.check(aliases)).toEqual([]);
  });
});
