/**
 * Templating: handlebars templates rendered into files, safely.
 *
 * - **Strict**: a template that reads a key the context lacks fails with {@link TemplateKeyError}
 *   (key, template, line). Keys that are optional must be present with `null`.
 * - **YAML-safe** (default `format: 'yaml'`): `{{value}}` writes the value as a YAML scalar
 *   (strings double-quoted and fully escaped), so no value can add keys, services or lines.
 *   Templates write `KEY: {{value}}` without quotes.
 * - **Atomic**: {@link render} writes temp → fsync → rename, mode 0600 by default, and reports
 *   whether the content changed (an unchanged file is not touched).
 * - Helpers: `join`, `default`, `eq`, `ne`, `and`, `or`, `not`, `concat`.
 *
 * See `docs/templating.md`.
 */
export { render, DEFAULT_RENDER_MODE } from './render';
export { renderString } from './render-string';
export { quoteYamlString, toYamlScalar } from './yaml-scalar';
export {
  TemplateKeyError,
  TemplateNotFoundError,
  TemplateSyntaxError,
  TemplateValueError,
  TemplateWriteError,
} from './errors';
export type {
  RenderOptions,
  RenderResult,
  RenderStringOptions,
  TemplateContext,
  TemplateFormat,
  TemplateValue,
} from './types';
