import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../charm';
import { compileTemplate } from './compile';
import { TemplateNotFoundError, TemplateWriteError } from './errors';
import type { RenderOptions, RenderResult, TemplateFormat } from './types';

/** Default mode of rendered files: owner read/write only (compose files hold passwords). */
export const DEFAULT_RENDER_MODE = 0o600;

function readTemplate(source: string, templatesDir: string): string {
  const root = path.resolve(templatesDir);
  const file = path.resolve(root, source);
  if (path.isAbsolute(source) || !file.startsWith(root + path.sep)) {
    throw new TemplateNotFoundError(source, root, 'template names are relative to the templates directory');
  }
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TemplateNotFoundError(source, root, code === 'ENOENT' ? 'no such file' : String(code));
  }
}

/** Compose reads `$` in values as interpolation: compose files get the `compose` format by default. */
const COMPOSE_FILE = /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/;

function defaultFormat(target: string): TemplateFormat {
  return COMPOSE_FILE.test(path.basename(target)) ? 'compose' : 'yaml';
}

/**
 * Render `templatesDir/source` with `context` and write it atomically to `target`.
 *
 * Nothing is written when rendering fails, and an unchanged result leaves the file untouched, so
 * callers can converge only when `changed` is true.
 *
 * @example
 * ```ts
 * const { changed } = render({ source: 'docker-compose.yml', target: 'files/app/docker-compose.yml',
 *                              context: { vote_port: 5000 }, templatesDir: `${charmDir}/templates` });
 * ```
 * @throws TemplateNotFoundError, TemplateSyntaxError, TemplateKeyError, TemplateValueError, TemplateWriteError
 */
export function render(options: RenderOptions): RenderResult {
  const text = readTemplate(options.source, options.templatesDir);
  const target = path.resolve(options.target);
  const output = compileTemplate(text, options.source, options.format ?? defaultFormat(target))(options.context);
  let changed: boolean;
  try {
    changed = writeFileAtomic(target, output, { mode: options.mode ?? DEFAULT_RENDER_MODE, skipUnchanged: true });
  } catch (error) {
    throw new TemplateWriteError(target, error);
  }
  return { changed, path: target };
}
