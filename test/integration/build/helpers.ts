import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildCharm, type LayerSearchPath } from '../../../framework/build';

/** Root of the repository (tests run from source). */
export const REPO = join(__dirname, '..', '..', '..');
/** The merge fixture: four layers and one interface. */
export const MERGE = join(REPO, 'test', 'fixtures', 'layers', 'merge');
/** Stand-in for `rxcharm` that prints the bundle (see the file). */
export const STUB_RUNTIME = join(REPO, 'test', 'fixtures', 'layers', 'stub-runtime', 'index.ts');

/** The merge fixture's search path (its own layers and interfaces after the package's). */
export function mergeSearchPath(): LayerSearchPath {
  return {
    layers: [join(REPO, 'layers'), join(MERGE, 'layers')],
    interfaces: [join(REPO, 'interfaces'), join(MERGE, 'interfaces')],
  };
}

/** The package's own layers and interfaces, where the fixture charms find what they include. */
export const PACKAGE_SEARCH_PATH: LayerSearchPath = {
  layers: [join(REPO, 'layers')],
  interfaces: [join(REPO, 'interfaces')],
};

/** Builds the fixture layer `test/fixtures/layers/<name>` into `<root>/<name>` with {@link PACKAGE_SEARCH_PATH}. */
export function buildFixtureCharm(name: string, root: string): ReturnType<typeof buildCharm> {
  return buildCharm({
    layerDir: join(REPO, 'test', 'fixtures', 'layers', name),
    outputDir: join(root, name),
    searchPath: PACKAGE_SEARCH_PATH,
  });
}

/** A temporary directory, removed by `[Symbol.dispose]` (for `using` inside a test). */
export function tempDir(prefix: string): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(join(tmpdir(), `rxcharm-bldtest-${prefix}-`));
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A temporary directory for a whole `describe` block: created now, removed in `afterAll`. */
export function suiteDir(prefix: string): string {
  const tmp = tempDir(prefix);
  afterAll(() => tmp[Symbol.dispose]());
  return tmp.dir;
}

/** Writes a tree of files (path → content) below `root`. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** Entries of a directory, to check nothing (no temp dirs) was left behind. */
export function entries(dir: string): string[] {
  return readdirSync(dir).sort();
}
