import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CharmDirError } from '../errors';
import { layerTemplateFiles, templateNames } from './layer-template';

/** Options of {@link createLayer}. */
export interface CreateLayerOptions {
  /** Parent directory; the layer goes to `<dir>/<name>`. Default `process.cwd()`. */
  readonly dir?: string;
}

/**
 * Creates a new layer from the template: layer.yaml including `layer:basic`, metadata.yaml,
 * config.yaml, a reactive handler, a library with a passing jest test, and a README.
 * Written to a temporary directory and renamed, so a failure leaves nothing behind.
 *
 * @returns the created layer's directory.
 * @throws CharmDirError when the name is invalid or the directory exists.
 * @example
 * ```ts
 * const dir = createLayer('my-app', { dir: 'layers' }); // layers/my-app
 * ```
 */
export function createLayer(name: string, options: CreateLayerOptions = {}): string {
  const target = resolve(options.dir ?? process.cwd(), name);
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
    throw new CharmDirError(
      target,
      `invalid layer name '${name}': use lowercase letters, digits and single dashes, starting with a letter`,
    );
  }
  if (existsSync(target)) throw new CharmDirError(target, 'already exists; choose another name or -o directory');
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  try {
    for (const [path, content] of Object.entries(layerTemplateFiles(templateNames(name)))) {
      const file = join(temp, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return target;
}
