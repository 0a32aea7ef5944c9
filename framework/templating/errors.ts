import { RxcharmError } from '../errors';

/** A strict-mode lookup found no such key in the render context. */
export class TemplateKeyError extends RxcharmError {
  /** The missing key, as written in the template (`pg_host`, `db.user`). */
  readonly key: string;
  /** The template name (file relative to the templates dir, or the name given to `renderString`). */
  readonly template: string;
  /** 1-based line of the lookup in the template. */
  readonly line: number;

  constructor(key: string, template: string, line: number, column: number) {
    super('TEMPLATE_KEY', `template key missing: ${key}\n  in ${template} at line ${line}, column ${column + 1}`, {
      context: { key, template, line, column },
    });
    this.key = key;
    this.template = template;
    this.line = line;
  }
}

/** The template source does not parse, or uses a construct the chosen format forbids. */
export class TemplateSyntaxError extends RxcharmError {
  readonly template: string;
  readonly line: number | undefined;

  constructor(template: string, detail: string, line?: number, options: { cause?: unknown } = {}) {
    const where = line === undefined ? template : `${template} at line ${line}`;
    super('TEMPLATE_SYNTAX', `template invalid: ${where}\n  ${detail}`, {
      context: { template, line, detail },
      cause: options.cause,
    });
    this.template = template;
    this.line = line;
  }
}

/** The template file does not exist, or its name escapes the templates directory. */
export class TemplateNotFoundError extends RxcharmError {
  constructor(template: string, templatesDir: string, detail = 'no such file') {
    super('TEMPLATE_NOT_FOUND', `template not found: ${template}\n  looked in ${templatesDir}: ${detail}`, {
      context: { template, templatesDir },
    });
  }
}

/** A context value cannot be written safely (a function, a symbol, NaN, a cyclic object...). */
export class TemplateValueError extends RxcharmError {
  constructor(template: string, detail: string) {
    super('TEMPLATE_VALUE', `template value rejected: ${template}\n  ${detail}`, { context: { template, detail } });
  }
}

/** Writing the rendered file failed; the previous file (if any) is left untouched. */
export class TemplateWriteError extends RxcharmError {
  constructor(path: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('TEMPLATE_WRITE', `template write failed: ${path}\n  ${reason}`, { context: { path }, cause });
  }
}
