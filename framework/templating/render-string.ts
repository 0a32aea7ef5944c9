import { compileTemplate } from './compile';
import type { RenderStringOptions, TemplateContext } from './types';

/**
 * Render a template held in a string.
 *
 * @throws TemplateSyntaxError when the template does not parse or misplaces a value (yaml format)
 * @throws TemplateKeyError when the template reads a key the context does not have
 * @throws TemplateValueError when a value cannot be written (a function, NaN, a cyclic object)
 */
export function renderString(template: string, context: TemplateContext, options: RenderStringOptions = {}): string {
  return compileTemplate(template, options.name ?? '<inline>', options.format ?? 'yaml')(context);
}
