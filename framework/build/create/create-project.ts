import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LayerFileError } from '../errors';
import { createLayer } from './create-layer';
import { templateNames } from './layer-template';
import { harnessTestFile, projectFiles, projectManifest, type ProjectVersions } from './project-template';

/** Options of {@link createProject}. */
export interface CreateProjectOptions {
  /** The project directory; the layer goes to `<dir>/<name>`. Default `process.cwd()`. */
  readonly dir?: string;
  /** Versions the new package.json depends on (read from the installed rxcharm by the CLI). */
  readonly versions: ProjectVersions;
}

/** What {@link createProject} did. */
export interface CreateProjectResult {
  /** The new layer's directory. */
  readonly layerDir: string;
  /** Project files written, relative to the project directory (empty when it was a project already). */
  readonly projectFiles: readonly string[];
  /** True when the directory already was a charm project: only the layer was added. */
  readonly layerOnly: boolean;
}

/**
 * Creates a charm project: the layer (as {@link createLayer}, plus a harness test of its handlers)
 * and, unless the directory already is a project, package.json (scripts `build`, `test`,
 * `typecheck`; rxcharm, typescript and jest as dev dependencies), tsconfig.json, jest.config.js,
 * README.md and .gitignore. A directory is already a project when it has a tsconfig.json or a
 * jest config, or its package.json has a test script of its own (not `npm init`'s placeholder):
 * then only the layer is added. Files that exist are never overwritten.
 *
 * @throws CharmDirError (invalid name, the layer exists), LayerFileError (package.json does not parse).
 * @example
 * ```ts
 * createProject('my-app', { versions: { rxcharm: '^0.1.0', devDependencies: { jest: '^29.7.0' } } });
 * ```
 */
export function createProject(name: string, options: CreateProjectOptions): CreateProjectResult {
  const dir = resolve(options.dir ?? process.cwd());
  const manifestFile = join(dir, 'package.json');
  const manifest = existsSync(manifestFile) ? readManifest(manifestFile) : undefined;
  const layerOnly = isProject(dir, manifest);
  const layerDir = createLayer(name, { dir });
  const names = templateNames(name);
  writeFileSync(join(layerDir, 'lib', `${name}-charm.test.ts`), harnessTestFile(name, names.className));
  if (layerOnly) return { layerDir, projectFiles: [], layerOnly };
  const written = ['package.json'];
  // The merged package.json replaces the old one whole (temp file, then rename).
  const temp = `${manifestFile}.tmp-${process.pid}`;
  writeFileSync(temp, `${JSON.stringify(projectManifest(manifest, name, name, options.versions), null, 2)}\n`);
  renameSync(temp, manifestFile);
  const packageType = manifest?.['type'] === 'module' ? 'module' : 'commonjs';
  for (const [path, content] of Object.entries(projectFiles(name, packageType))) {
    if (existsSync(join(dir, path))) continue;
    writeFileSync(join(dir, path), content);
    written.push(path);
  }
  return { layerDir, projectFiles: written, layerOnly };
}

const NPM_INIT_TEST = 'echo "Error: no test specified" && exit 1';

function isProject(dir: string, manifest: Readonly<Record<string, unknown>> | undefined): boolean {
  if (
    ['tsconfig.json', 'jest.config.js', 'jest.config.ts', 'jest.config.cjs', 'jest.config.mjs'].some((f) =>
      existsSync(join(dir, f)),
    )
  )
    return true;
  const test = (manifest?.['scripts'] as Record<string, unknown> | undefined)?.['test'];
  return typeof test === 'string' && test !== NPM_INIT_TEST;
}

function readManifest(file: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch (error) {
    throw new LayerFileError(file, 'package.json does not parse as JSON', undefined, error);
  }
  throw new LayerFileError(file, 'package.json must hold a JSON object');
}
