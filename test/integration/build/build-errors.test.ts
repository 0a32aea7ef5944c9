import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildCharm,
  BuildError,
  CharmDirError,
  IncludeCycleError,
  LayerFileError,
  LayerNotFoundError,
  LayerOptionsError,
  type LayerSearchPath,
} from '../../../framework/build';
import { entries, STUB_RUNTIME, tempDir, writeTree } from './helpers';

// Spawns node processes (bundles, hooks, the CLI): allow for a loaded machine.
jest.setTimeout(120_000);

const META = 'name: broken\nsummary: a broken charm\n';

async function buildExpectingError(
  files: Record<string, string>,
  extraLayers: Record<string, Record<string, string>> = {},
): Promise<{ error: unknown; parentEntries: string[] }> {
  using tmp = tempDir('errors');
  writeTree(join(tmp.dir, 'top'), files);
  for (const [name, layerFiles] of Object.entries(extraLayers)) writeTree(join(tmp.dir, 'layers', name), layerFiles);
  const searchPath: LayerSearchPath = { layers: [join(tmp.dir, 'layers')], interfaces: [join(tmp.dir, 'interfaces')] };
  const out = join(tmp.dir, 'out', 'broken');
  let error: unknown;
  try {
    await buildCharm({ layerDir: join(tmp.dir, 'top'), outputDir: out, searchPath, frameworkEntry: STUB_RUNTIME });
  } catch (caught) {
    error = caught;
  }
  expect(existsSync(out)).toBe(false);
  return { error, parentEntries: existsSync(join(tmp.dir, 'out')) ? entries(join(tmp.dir, 'out')) : [] };
}

describe('rxcharm build: bad input gives a clear typed error and no output', () => {
  it('names a missing layer, who includes it and where it looked', async () => {
    const { error, parentEntries } = await buildExpectingError({
      'metadata.yaml': META,
      'layer.yaml': 'includes: ["layer:nowhere"]\n',
    });
    expect(error).toBeInstanceOf(LayerNotFoundError);
    expect((error as Error).message).toMatch(/^layer not found: layer:nowhere\n {2}included by broken/);
    expect(parentEntries).toEqual([]);
  });

  it('names the chain of an include cycle', async () => {
    const { error } = await buildExpectingError(
      { 'metadata.yaml': META, 'layer.yaml': 'includes: ["layer:x"]\n' },
      { x: { 'layer.yaml': 'includes: ["layer:y"]\n' }, y: { 'layer.yaml': 'includes: ["layer:x"]\n' } },
    );
    expect(error).toBeInstanceOf(IncludeCycleError);
    expect((error as Error).message).toBe('include cycle: x -> y -> x');
  });

  it('reports malformed YAML with file and line', async () => {
    const { error } = await buildExpectingError({
      'metadata.yaml': 'name: broken\nsummary: ok\nrequires:\n  db: [unclosed\n',
      'layer.yaml': '',
    });
    expect(error).toBeInstanceOf(LayerFileError);
    expect((error as Error).message).toMatch(/^invalid layer file: .*top\/metadata\.yaml:\d+\n/);
    expect((error as LayerFileError).context['line']).toEqual(expect.any(Number));
  });

  it('reports a layer file that is not a mapping', async () => {
    const { error } = await buildExpectingError({ 'metadata.yaml': META, 'config.yaml': '- just\n- a list\n' });
    expect(error).toBeInstanceOf(LayerFileError);
    expect((error as Error).message).toContain('config.yaml:1');
  });

  it('rejects options that violate the defines schema, naming the option', async () => {
    const { error } = await buildExpectingError(
      { 'metadata.yaml': META, 'layer.yaml': 'includes: ["layer:lib"]\noptions:\n  lib:\n    retries: many\n' },
      { lib: { 'layer.yaml': 'defines:\n  retries:\n    type: integer\n    default: 3\n' } },
    );
    expect(error).toBeInstanceOf(LayerOptionsError);
    expect((error as Error).message).toContain('options.lib.retries: must be integer');
  });

  it('rejects an option the layer does not define and options for a layer that defines none', async () => {
    const typo = await buildExpectingError(
      { 'metadata.yaml': META, 'layer.yaml': 'includes: ["layer:lib"]\noptions:\n  lib:\n    retrys: 1\n' },
      { lib: { 'layer.yaml': 'defines:\n  retries: { type: integer }\n' } },
    );
    expect((typo.error as Error).message).toContain("unknown option 'retrys'");
    const undefinedLayer = await buildExpectingError({
      'metadata.yaml': META,
      'layer.yaml': 'options:\n  ghost:\n    a: 1\n',
    });
    expect(undefinedLayer.error).toBeInstanceOf(LayerOptionsError);
    expect((undefinedLayer.error as Error).message).toContain('ghost');
  });

  it('requires metadata.yaml and a valid charm name', async () => {
    const none = await buildExpectingError({ 'layer.yaml': '' });
    expect((none.error as Error).message).toContain('at least one layer must provide metadata.yaml');
    const badName = await buildExpectingError({ 'metadata.yaml': 'name: Bad_Name\nsummary: x\n' });
    expect((badName.error as Error).message).toContain('`name` must be');
  });

  it('fails the bundle with file:line when reactive code does not compile', async () => {
    const { error } = await buildExpectingError({
      'metadata.yaml': META,
      'reactive/broken.ts': 'export const x = ;\n',
    });
    expect(error).toBeInstanceOf(BuildError);
    expect((error as Error).message).toMatch(/^bundle failed: lib\/charm\.js\n {2}.*reactive\/broken\.ts:1:\d+: /);
  });

  it('refuses an output directory inside the layer', async () => {
    using tmp = tempDir('inside');
    writeTree(join(tmp.dir, 'top'), { 'metadata.yaml': META });
    await expect(
      buildCharm({
        layerDir: join(tmp.dir, 'top'),
        outputDir: join(tmp.dir, 'top', 'out'),
        searchPath: { layers: [], interfaces: [] },
        frameworkEntry: STUB_RUNTIME,
      }),
    ).rejects.toBeInstanceOf(CharmDirError);
  });
});
