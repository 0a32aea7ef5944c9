import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { buildCharm } from '../../../framework/build';
import { STUB_RUNTIME, tempDir, writeTree } from './helpers';

// Spawns node processes (bundles, hooks, the CLI): allow for a loaded machine.
jest.setTimeout(120_000);

describe('bundling decorators', () => {
  it('compiles TC39 decorators even when the layer carries a tsconfig.json with experimentalDecorators', async () => {
    using tmp = tempDir('decorators');
    writeTree(join(tmp.dir, 'app'), {
      'tsconfig.json': JSON.stringify({ compilerOptions: { experimentalDecorators: true } }),
      'metadata.yaml': 'name: deco\nsummary: decorators\n',
      'reactive/deco.ts': [
        "import { HandlerRegistry, when } from 'rxcharm';",
        'export class Deco {',
        "  @when('a.ready')",
        '  go(): void {}',
        '}',
        'const registry = new HandlerRegistry();',
        "registry.addClass(Deco, { source: { layer: 'deco', file: 'reactive/deco.ts' }, instance: () => new Deco() });",
        'console.error(JSON.stringify(registry.handlers.map((h) => h.id)));',
        '',
      ].join('\n'),
    });
    const { outputDir } = await buildCharm({
      layerDir: join(tmp.dir, 'app'),
      outputDir: join(tmp.dir, 'out'),
      searchPath: { layers: [], interfaces: [] },
      frameworkEntry: STUB_RUNTIME,
    });
    const run = spawnSync(join(outputDir, 'dispatch'), [], {
      env: {
        PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
        JUJU_CHARM_DIR: outputDir,
        JUJU_DISPATCH_PATH: 'hooks/install',
      },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('["deco:reactive/deco.ts:Deco.go"]\n');
    expect(run.status).toBe(0);
  }, 60_000);
});
