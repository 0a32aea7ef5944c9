/**
 * Static scan of reactive TypeScript sources for `rxcharm proof`: which flags handlers wait on,
 * which flags code sets, and which it reads. Regular expressions over the text, not a type
 * checker: flags built at run time from variables appear as `*` wildcards (template literals)
 * or not at all, which is why proof reports unset flags as warnings, never errors.
 */

import type { HandlerConditions } from '../../charm';

/**
 * The conditions of one handler, as written in its decorators or `defineHandler` call: `when`
 * and `whenNot` with their aliases merged in, `hook` patterns (a hook handler may have no flag
 * conditions at all), and each `whenAny` / `whenNotAll` list kept as written.
 */
export interface ScannedHandler extends Required<Pick<HandlerConditions, 'when' | 'whenNot' | 'hook'>> {
  /** `<file>:<Class>.<method>` for decorated methods, `<file>:<id or line>` for `defineHandler`. */
  readonly id: string;
  readonly file: string;
  readonly line: number;
  /** `@whenAny`: each inner list needs one set flag. */
  readonly whenAny: ReadonlyArray<readonly string[]>;
  /** `@whenNotAll`: each inner list must not be entirely set. */
  readonly whenNotAll: ReadonlyArray<readonly string[]>;
}

/** A flag mentioned at a place in a file. */
export interface FlagSite {
  /** The flag; `${...}` parts of template literals are replaced by `*`. */
  readonly flag: string;
  readonly file: string;
  readonly line: number;
}

/** Everything the scan found in one file. */
export interface ScanResult {
  readonly handlers: readonly ScannedHandler[];
  /** Flags set by `setFlag(...)`, `toggleFlag(...)` or a trigger's `setFlag:`. */
  readonly sets: readonly FlagSite[];
  /** Flags read outside handler conditions: `isFlagSet(...)`, trigger `when`/`whenNot`. */
  readonly reads: readonly FlagSite[];
}

const STRING = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\x60(?:[^\x60\\]|\\.)*\x60`;
const DECORATOR = String.raw`@\w+(?:\s*\((?:[^()]|\([^()]*\))*\))?`;
const METHOD_WITH_DECORATORS = new RegExp(
  String.raw`((?:${DECORATOR}\s*)+)(?:(?:public|private|protected|static|async|override|readonly)\s+)*#?(\w+)\s*(?:<[^>]*>)?\(`,
  'g',
);
const SET_CALL = new RegExp(String.raw`\b(?:setFlag|toggleFlag)\s*\(\s*(?:[\w.]+\(\s*)?(${STRING})`, 'g');
const SET_KEY = new RegExp(String.raw`\bsetFlag\s*:\s*(${STRING})`, 'g');
const READ_CALL = new RegExp(String.raw`\bisFlagSet\s*\(\s*(?:[\w.]+\(\s*)?(${STRING})`, 'g');
const TRIGGER = /\bregisterTrigger\s*\(\s*\{([^}]*)\}/g;
const DEFINE_HANDLER = /\bdefineHandler\s*\(\s*\{/g;

/** Scans one source file. `file` names it in results. Pure. */
export function scanHandlers(text: string, file: string): ScanResult {
  const source = inlineStringConstants(stripComments(text));
  const lineAt = (index: number): number => source.slice(0, index).split('\n').length;
  const handlers: ScannedHandler[] = [];
  for (const match of source.matchAll(METHOD_WITH_DECORATORS)) {
    const decorators = [
      ...(match[1] ?? '').matchAll(new RegExp(String.raw`@(\w+)\s*(?:\(((?:[^()]|\([^()]*\))*)\))?`, 'g')),
    ];
    const conditions = emptyConditions();
    let reactive = false;
    for (const [, name, args = ''] of decorators) {
      if (name !== undefined && addCondition(conditions, name, strings(args))) reactive = true;
    }
    if (!reactive) continue;
    const className = lastClassBefore(source, match.index ?? 0);
    handlers.push({
      id: `${file}:${className === undefined ? '' : `${className}.`}${match[2] ?? '?'}`,
      file,
      line: lineAt(match.index ?? 0),
      ...conditions,
    });
  }
  for (const match of source.matchAll(DEFINE_HANDLER)) {
    const start = (match.index ?? 0) + match[0].length - 1;
    const body = balanced(source, start);
    const conditions = emptyConditions();
    for (const key of ['when', 'whenAll', 'whenNot', 'whenNone', 'whenAny', 'whenNotAll', 'hook'] as const) {
      const value = new RegExp(String.raw`\b${key}\s*:\s*(\[[^\]]*\]|${STRING})`).exec(body);
      if (value?.[1] !== undefined) addCondition(conditions, key, strings(value[1]));
    }
    const id = /\bid\s*:\s*(['"])([^'"]+)\1/.exec(body)?.[2] ?? `line ${lineAt(start)}`;
    handlers.push({ id: `${file}:${id}`, file, line: lineAt(start), ...conditions });
  }
  const sites = (re: RegExp): FlagSite[] =>
    [...source.matchAll(re)].flatMap((m) =>
      strings(m[1] ?? '').map((flag) => ({ flag, file, line: lineAt(m.index ?? 0) })),
    );
  const sets = [...sites(SET_CALL), ...sites(SET_KEY)];
  const reads = sites(READ_CALL);
  for (const match of source.matchAll(TRIGGER)) {
    for (const key of ['when', 'whenNot']) {
      const value = new RegExp(String.raw`\b${key}\s*:\s*(${STRING})`).exec(match[1] ?? '');
      if (value?.[1] !== undefined)
        reads.push(...strings(value[1]).map((flag) => ({ flag, file, line: lineAt(match.index ?? 0) })));
    }
  }
  return { handlers, sets, reads };
}

type Conditions = { when: string[]; whenNot: string[]; whenAny: string[][]; whenNotAll: string[][]; hook: string[] };

function emptyConditions(): Conditions {
  return { when: [], whenNot: [], whenAny: [], whenNotAll: [], hook: [] };
}

function addCondition(conditions: Conditions, decorator: string, flags: string[]): boolean {
  switch (decorator) {
    case 'when':
    case 'whenAll':
      conditions.when.push(...flags);
      return true;
    case 'whenNot':
    case 'whenNone':
      conditions.whenNot.push(...flags);
      return true;
    case 'whenAny':
      conditions.whenAny.push(flags);
      return true;
    case 'whenNotAll':
      conditions.whenNotAll.push(flags);
      return true;
    case 'hook':
      conditions.hook.push(...flags);
      return true;
    case 'whenFileChanged':
    case 'onlyOnce':
    case 'notUnless':
    case 'action':
      return true;
    default:
      return false;
  }
}

/** String literals in a code fragment; template-literal substitutions become `*`. */
function strings(code: string): string[] {
  return [...code.matchAll(new RegExp(STRING, 'g'))].map(([literal]) => {
    const inner = literal.slice(1, -1);
    return literal.startsWith('`') ? inner.replace(/\$\{[^}]*\}/g, '*') : inner.replace(/\\(.)/g, '$1');
  });
}

function lastClassBefore(source: string, index: number): string | undefined {
  const classes = [...source.slice(0, index).matchAll(/\bclass\s+(\w+)/g)];
  return classes[classes.length - 1]?.[1];
}

function balanced(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i += 1) {
    if (source[i] === '{') depth += 1;
    else if (source[i] === '}' && --depth === 0) return source.slice(open, i + 1);
  }
  return source.slice(open);
}

const STRING_CONSTANT = new RegExp(
  String.raw`\b(?:export\s+)?const\s+([A-Za-z_$][\w$]*)\s*=\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")`,
  'g',
);

/**
 * Replaces uses of file-level string constants (`const AVAILABLE = 'docker.available'`) with
 * their literal, so `@when(AVAILABLE)` and `this.setFlag(AVAILABLE)` are seen as the flag they
 * name. Property accesses (`x.AVAILABLE`) are left alone; line numbers do not move.
 */
function inlineStringConstants(source: string): string {
  const constants = new Map<string, string>();
  for (const [, name, literal] of source.matchAll(STRING_CONSTANT)) {
    if (name !== undefined && literal !== undefined) constants.set(name, literal);
  }
  if (constants.size === 0) return source;
  const names = [...constants.keys()].map((n) => n.replace(/\$/g, '\\$')).join('|');
  return source.replace(
    new RegExp(String.raw`(?<![\w$.])(${names})(?![\w$])(?!\s*=[^=>])`, 'g'),
    (name) => constants.get(name) ?? name,
  );
}

/** Blanks comments while keeping line numbers (newlines stay). */
function stripComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/[^\n]*/g, (_m, before: string) => before);
}
