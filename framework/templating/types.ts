/** A value a template may interpolate. */
export type TemplateValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | undefined
  | readonly TemplateValue[]
  | { readonly [key: string]: TemplateValue };

/** The data a template is rendered with. In strict mode every key a template reads must exist (it may be `null`). */
export type TemplateContext = { readonly [key: string]: TemplateValue };

/**
 * How `{{value}}` is written:
 * - `yaml` (default): every value becomes a YAML scalar that cannot add keys, items or lines;
 *   raw output (`{{{x}}}`) is refused and a value must stand alone as a whole scalar.
 * - `text`: values are written as plain text, unescaped (for files that are not YAML).
 * - `compose`: like `yaml`, and every `$` inside a value is doubled, so compose's `${VAR}`
 *   interpolation reads the value back unchanged (a password `pa$$word` or a relation value
 *   `${HOME}` must not be rewritten or fail). {@link render} uses it by default for compose file
 *   names (`docker-compose.yml`, `compose.yaml`, ...).
 */
export type TemplateFormat = 'yaml' | 'text' | 'compose';

/** Options of {@link renderString}. */
export interface RenderStringOptions {
  /** Name used in error messages (defaults to `<inline>`). */
  readonly name?: string;
  readonly format?: TemplateFormat;
}

/** Options of {@link render}. */
export interface RenderOptions {
  /** Template file name, relative to `templatesDir` (e.g. `docker-compose.yml`). */
  readonly source: string;
  /** Where the rendered file goes (absolute, or relative to the process cwd). */
  readonly target: string;
  readonly context: TemplateContext;
  /** The charm's `templates/` directory. */
  readonly templatesDir: string;
  /** File mode of the target; 0o600 by default (rendered files often hold passwords). */
  readonly mode?: number;
  /** Defaults to `compose` for compose file names (`docker-compose.yml`, `compose.yaml`...), else `yaml`. */
  readonly format?: TemplateFormat;
}

/** What {@link render} did. */
export interface RenderResult {
  /** True when the target's content changed (false: the file was left untouched). */
  readonly changed: boolean;
  /** Absolute path of the target. */
  readonly path: string;
}
