/**
 * Where a value may appear in a YAML template.
 *
 * Quoting a value makes it one scalar, but only if the template puts it where a whole scalar
 * goes: `KEY: {{value}}`, `- {{value}}`, `[{{a}}, {{b}}]`. Inside quotes (`"{{value}}"`) the
 * value's own quotes would close the template's string, and glued to other text (`x{{value}}`,
 * `{{a}}{{b}}`) it would not be a scalar of its own. Those placements are refused up front.
 */

/** Block tokens produce no output, so the text on their other side is the real neighbour. */
const LEADING_BLOCK = /^\{\{~?\s*[#/](?:[^}]|\}(?!\}))*\}\}/;
const TRAILING_BLOCK = /\{\{~?\s*[#/](?:[^}]|\}(?!\}))*\}\}$/;
/** `{{else}}`, `{{^}}` and comments end a branch: what lies beyond is never adjacent output. */
const LEADING_BOUNDARY = /^\{\{~?\s*(?:else\b|\^|!)/;
const TRAILING_BOUNDARY = /\{\{~?\s*(?:else\b|\^|!)(?:[^}]|\}(?!\}))*\}\}$/;
const VALUE_TOKEN = /\{\{(?:[^}]|\}(?!\}))*\}\}\}?/g;

const BEFORE_OK = new Set([' ', '\t', '[', '{', ',']);
const AFTER_OK = new Set([' ', '\t', ',', ']', '}', '\r']);

type LineState = 'plain' | 'quoted' | 'comment';

/** Whether the YAML text before a position leaves it in plain text, a quoted scalar or a comment. */
function lineState(prefix: string): LineState {
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix[i];
    if (quote === null) {
      if (c === '#' && (i === 0 || prefix[i - 1] === ' ' || prefix[i - 1] === '\t')) return 'comment';
      if (c === '"' || c === "'") quote = c;
    } else if (quote === '"' && c === '\\') i++;
    else if (quote === "'" && c === "'" && prefix[i + 1] === "'") i++;
    else if (c === quote) quote = null;
  }
  return quote === null ? 'plain' : 'quoted';
}

/** The character output right before the value, or `undefined` at a line or branch start. */
function previousChar(before: string): string | undefined {
  let text = before;
  for (;;) {
    if (TRAILING_BOUNDARY.test(text)) return undefined;
    const stripped = text.replace(TRAILING_BLOCK, '');
    if (stripped === text) return text.at(-1);
    text = stripped;
  }
}

/** The character output right after the value, or `undefined` at a line or branch end. */
function nextChar(after: string): string | undefined {
  let text = after;
  for (;;) {
    if (LEADING_BOUNDARY.test(text)) return undefined;
    const stripped = text.replace(LEADING_BLOCK, '');
    if (stripped === text) return text[0];
    text = stripped;
  }
}

/**
 * The reason a value mustache is misplaced, or `undefined` when it stands alone as a scalar.
 * `lines` are the template's source lines; `node.loc` gives 1-based lines and 0-based columns.
 */
export function misplacedValue(lines: readonly string[], node: hbs.AST.MustacheStatement): string | undefined {
  if (node.strip.open || node.strip.close) return 'whitespace control (~) cannot be used on a value in a YAML template';
  const { start, end } = node.loc;
  const startLine = lines[start.line - 1] ?? '';
  const endLine = lines[end.line - 1] ?? '';
  const before = startLine.slice(0, start.column);
  const state = lineState(before.replace(VALUE_TOKEN, 'v'));
  if (state === 'comment') return undefined; // a value never holds a raw line break, so it stays in the comment
  if (state === 'quoted') {
    return 'a value is inside quotes; write KEY: {{value}} without quotes (values are quoted for you)';
  }
  const prev = previousChar(before);
  if (prev !== undefined && !BEFORE_OK.has(prev)) {
    return `a value must be a whole YAML scalar, but it follows ${JSON.stringify(prev)}; use {{concat ...}} to build one scalar from parts`;
  }
  const next = nextChar(endLine.slice(end.column));
  if (next !== undefined && !AFTER_OK.has(next)) {
    return `a value must be a whole YAML scalar, but it is followed by ${JSON.stringify(next)}; use {{concat ...}} to build one scalar from parts`;
  }
  return undefined;
}
