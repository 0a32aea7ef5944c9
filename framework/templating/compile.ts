/**
 * Template compilation: parse with handlebars, rewrite the AST so that lookups are strict and
 * (in `yaml` format) every `{{value}}` goes through the YAML quoting helper, then compile.
 *
 * Handlebars' own strict mode only checks the bare `{{key}}` form; marking every path used as a
 * helper argument strict makes `{{#if key}}` and `{{join key}}` fail on a missing key too.
 */
import type HandlebarsNamespace from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { loadHandlebars } from '../charm';
import { TemplateKeyError, TemplateSyntaxError, TemplateValueError } from './errors';
import { templateHelpers } from './helpers';
import { misplacedValue } from './placement';
import type { TemplateContext, TemplateFormat, TemplateValue } from './types';
import { UnsupportedValue, toYamlScalar } from './yaml-scalar';

const YAML_HELPER = '__rxcharm_yaml';
const COMPOSE_HELPER = '__rxcharm_compose';

type HandlebarsEnv = ReturnType<typeof HandlebarsNamespace.create>;
let handlebarsEnv: HandlebarsEnv | undefined;

/**
 * rxcharm's handlebars environment, made on first use: hooks that render nothing (most of them,
 * e.g. every no-op `update-status`) never load handlebars.
 */
function env(): HandlebarsEnv {
  if (handlebarsEnv !== undefined) return handlebarsEnv;
  const hbs = loadHandlebars();
  const made = hbs.create();
  for (const [name, fn] of Object.entries(templateHelpers)) made.registerHelper(name, fn);
  made.registerHelper(YAML_HELPER, (value: unknown, _options: HelperOptions) => {
    // A helper may return a SafeString; in a YAML template it is quoted like everything else.
    const plain = value instanceof hbs.SafeString ? value.toString() : value;
    return toYamlScalar(plain as TemplateValue);
  });
  made.registerHelper(COMPOSE_HELPER, (value: unknown, _options: HelperOptions) => {
    const plain = value instanceof hbs.SafeString ? value.toString() : value;
    return toYamlScalar(escapeDollars(plain as TemplateValue));
  });
  handlebarsEnv = made;
  return made;
}

/** Doubles every `$` in the strings of a value, so compose interpolation yields the value itself. */
function escapeDollars(value: TemplateValue): TemplateValue {
  if (typeof value === 'string') return value.split('$').join('$$');
  if (Array.isArray(value)) return value.map((v: TemplateValue) => escapeDollars(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeDollars(v)]));
  }
  return value;
}

/** A compiled template: call it with a context to get the rendered text. */
export type CompiledTemplate = (context: TemplateContext) => string;

type Node = hbs.AST.Node & Record<string, unknown>;
type WithParams = hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value)) out.push(...value.filter(isNode));
    else if (isNode(value)) out.push(value);
  }
  return out;
}

function pathAt(line: number, column: number): string {
  return `${line}:${column}`;
}

interface Rewrite {
  /** `line:column` of every path → its text, to name the full key in errors. */
  readonly paths: Map<string, string>;
}

function markStrict(node: WithParams): void {
  const args: hbs.AST.Expression[] = [...node.params, ...(node.hash?.pairs.map((p) => p.value) ?? [])];
  for (const arg of args) {
    if (arg.type === 'PathExpression') (arg as hbs.AST.PathExpression & { strict?: boolean }).strict = true;
  }
}

/** A call with arguments must name a known helper; say so now rather than as a missing key later. */
function checkHelper(node: WithParams, name: string): void {
  const hasArgs = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
  if (!hasArgs || node.path.type !== 'PathExpression') return;
  const helper = (node.path as hbs.AST.PathExpression).original;
  if (!Object.hasOwn(env().helpers, helper)) {
    throw new TemplateSyntaxError(
      name,
      `unknown helper: ${helper} (known: ${Object.keys(templateHelpers).join(', ')}, if, unless, each, with, lookup)`,
      node.loc.start.line,
    );
  }
}

function wrapValue(node: hbs.AST.MustacheStatement, helperName: string): void {
  const path = node.path;
  const isHelperCall =
    node.params.length > 0 ||
    (node.hash?.pairs.length ?? 0) > 0 ||
    (path.type === 'PathExpression' && Object.hasOwn(env().helpers, (path as hbs.AST.PathExpression).original));
  const inner: hbs.AST.Expression = isHelperCall
    ? ({ type: 'SubExpression', path, params: node.params, hash: node.hash, loc: node.loc } as hbs.AST.SubExpression)
    : path;
  if (!isHelperCall && inner.type === 'PathExpression')
    (inner as hbs.AST.PathExpression & { strict?: boolean }).strict = true;
  const helper: hbs.AST.PathExpression = {
    type: 'PathExpression',
    data: false,
    depth: 0,
    parts: [helperName],
    original: helperName,
    loc: node.loc,
  };
  const mutable = node as { -readonly [K in keyof hbs.AST.MustacheStatement]: hbs.AST.MustacheStatement[K] };
  mutable.path = helper;
  mutable.params = [inner];
  mutable.hash = undefined as unknown as hbs.AST.Hash;
}

function rewrite(node: Node, name: string, lines: readonly string[], format: TemplateFormat, state: Rewrite): void {
  if (node.type === 'PathExpression') {
    const p = node as unknown as hbs.AST.PathExpression;
    state.paths.set(pathAt(p.loc.start.line, p.loc.start.column), p.original);
  }
  for (const child of children(node)) rewrite(child, name, lines, format, state);
  if (
    node.type === 'PartialStatement' ||
    node.type === 'PartialBlockStatement' ||
    node.type === 'DecoratorBlock' ||
    node.type === 'Decorator'
  ) {
    throw new TemplateSyntaxError(
      name,
      'partials and decorators are not supported',
      (node as unknown as hbs.AST.Statement).loc.start.line,
    );
  }
  if (node.type === 'MustacheStatement' || node.type === 'SubExpression' || node.type === 'BlockStatement') {
    const call = node as unknown as WithParams;
    checkHelper(call, name);
    markStrict(call);
  }
  if (node.type === 'MustacheStatement' && (format === 'yaml' || format === 'compose')) {
    const mustache = node as unknown as hbs.AST.MustacheStatement;
    if (!mustache.escaped) {
      throw new TemplateSyntaxError(
        name,
        'raw output ({{{...}}} or {{& ...}}) is not allowed in a YAML template',
        mustache.loc.start.line,
      );
    }
    const problem = misplacedValue(lines, mustache);
    if (problem !== undefined) throw new TemplateSyntaxError(name, problem, mustache.loc.start.line);
    wrapValue(mustache, format === 'compose' ? COMPOSE_HELPER : YAML_HELPER);
  }
}

function parse(source: string, name: string): hbs.AST.Program {
  try {
    return env().parse(source);
  } catch (error) {
    const line = (error as { lineNumber?: number }).lineNumber;
    const detail = error instanceof Error ? error.message : String(error);
    throw new TemplateSyntaxError(name, detail, line, { cause: error });
  }
}

const MISSING = /^"(.*)" not defined in /;
const MISSING_HELPER = /^Missing helper: "?([^"]*)"?/;

function translate(error: unknown, name: string, state: Rewrite): unknown {
  if (error instanceof UnsupportedValue) return new TemplateValueError(name, error.message);
  if (!(error instanceof Error)) return error;
  const line = (error as { lineNumber?: number }).lineNumber;
  const column = (error as { column?: number }).column;
  const missing = MISSING.exec(error.message);
  if (missing !== null && line !== undefined && column !== undefined) {
    return new TemplateKeyError(state.paths.get(pathAt(line, column)) ?? missing[1], name, line, column);
  }
  const helper = MISSING_HELPER.exec(error.message);
  if (helper !== null) return new TemplateSyntaxError(name, `unknown helper: ${helper[1]}`, line, { cause: error });
  return error;
}

/** Compiled templates by name, format and source; small, since a charm has a handful of templates. */
const cache = new Map<string, CompiledTemplate>();
const CACHE_LIMIT = 64;

/** Compile `source` (cached); syntax and placement problems throw here, missing keys when rendering. */
export function compileTemplate(source: string, name: string, format: TemplateFormat): CompiledTemplate {
  const key = `${format}\0${name}\0${source}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const compiled = compileUncached(source, name, format);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled;
}

function compileUncached(source: string, name: string, format: TemplateFormat): CompiledTemplate {
  const ast = parse(source, name);
  const state: Rewrite = { paths: new Map() };
  rewrite(ast as unknown as Node, name, source.split('\n'), format, state);
  const template = env().compile(ast, { strict: true, noEscape: true, knownHelpersOnly: false });
  return (context) => {
    try {
      return template(context);
    } catch (error) {
      throw translate(error, name, state);
    }
  };
}
