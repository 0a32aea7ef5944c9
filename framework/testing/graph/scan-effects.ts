/**
 * Static scan of TypeScript classes for the flags each method sets and clears, following calls
 * to other methods of the same class (`this.markDown()`). Regular expressions and brace
 * matching over the text, not a type checker: flags built at run time are missed, flag names
 * held in file-level `const X = '...'` are resolved, and so are fields of an object a class
 * initializes in its body (`flags = { ready: READY }` makes `this.flags.ready` a name), which is
 * how a base class such as layer:docker's `UnitProjectCharm` learns its subclass's flags.
 */

/** What one method does to flags, its own calls included. */
export interface MethodEffects {
  readonly sets: readonly string[];
  readonly clears: readonly string[];
  /** `toggleFlag(x, ...)`: may set or clear. */
  readonly toggles: readonly string[];
}

/** Effects by `Class.method`, and trigger declarations (`registerTrigger`) found in the file. */
export interface FileEffects {
  readonly methods: ReadonlyMap<string, MethodEffects>;
  /**
   * Per class, the flag names its object-valued fields hold, keyed `this.<field>.<key>`; pass a
   * class's map to {@link scanEffects} to resolve them in code the class inherits.
   */
  readonly members: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly triggers: ReadonlyArray<{
    readonly when?: string;
    readonly whenNot?: string;
    readonly setFlag?: string;
    readonly clearFlag?: string;
  }>;
}

const STRING = String.raw`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\x60(?:[^\x60\\]|\\.)*\x60`;

/** Comments become spaces (strings are kept), so offsets and lines stay valid. */
function stripComments(text: string): string {
  return text.replace(
    new RegExp(`(${STRING})|\\/\\*[\\s\\S]*?\\*\\/|\\/\\/[^\\n]*`, 'g'),
    (m, str: string | undefined) => (str !== undefined ? m : m.replace(/[^\n]/g, ' ')),
  );
}

/** Index of the `}` matching the `{` at `open`, skipping strings. */
function matchBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') {
      const m = new RegExp(STRING, 'y');
      m.lastIndex = i;
      const hit = m.exec(text);
      if (hit !== null) i += hit[0].length - 1;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return text.length - 1;
}

function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\$\{[^}]*\}/g, '*');
}

function constants(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(new RegExp(String.raw`\bconst\s+(\w+)\s*(?::\s*\w+\s*)?=\s*(${STRING})\s*;`, 'g')))
    out.set(m[1] as string, unquote(m[2] as string));
  return out;
}

/** `this.<field>.<key>` → flag name, for the `field = { key: 'flag' | CONST }` initializers of a class body. */
function memberConstants(body: string, consts: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const field of body.matchAll(/(?:^|[\s;])#?([A-Za-z_$][\w$]*)\s*=\s*\{([^{}]*)\}/g)) {
    const entries = new RegExp(String.raw`([A-Za-z_$][\w$]*)\s*:\s*(${STRING}|[A-Za-z_$][\w$]*)`, 'g');
    for (const entry of (field[2] as string).matchAll(entries)) {
      const arg = entry[2] as string;
      const value = /^['"`]/.test(arg) ? unquote(arg) : consts.get(arg);
      if (value !== undefined) out.set(`this.${field[1]}.${entry[1]}`, value);
    }
  }
  return out;
}

function flagArgs(body: string, fn: string, consts: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  const arg = String.raw`${STRING}|this\.#?[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*|[A-Za-z_$][\w$]*`;
  for (const m of body.matchAll(new RegExp(String.raw`\b${fn}\s*\(\s*(${arg})`, 'g'))) {
    const arg = m[1] as string;
    const value = /^['"`]/.test(arg) ? unquote(arg) : consts.get(arg);
    if (value !== undefined) out.push(value);
  }
  return out;
}

interface RawMethod {
  readonly sets: string[];
  readonly clears: string[];
  readonly toggles: string[];
  readonly calls: string[];
}

function classMethods(body: string, consts: ReadonlyMap<string, string>): Map<string, RawMethod> {
  const methods = new Map<string, RawMethod>();
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === ';' || c === '}') start = i + 1;
    if (c !== '{') continue;
    const header = body.slice(start, i).replace(/@\w+(?:\s*\((?:[^()]|\([^()]*\))*\))?/g, ' ');
    const end = matchBrace(body, i);
    const name = /#?([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*\([^]*\)\s*(?::[^=]*)?$/.exec(header.trim())?.[1];
    if (name !== undefined && !['if', 'for', 'while', 'switch', 'catch', 'function'].includes(name)) {
      const text = body.slice(i, end + 1);
      methods.set(name, {
        sets: flagArgs(text, 'setFlag', consts),
        clears: flagArgs(text, 'clearFlag', consts),
        toggles: flagArgs(text, 'toggleFlag', consts),
        calls: [...text.matchAll(/\bthis\.#?([A-Za-z_$][\w$]*)\s*\(/g)].map((m) => m[1] as string),
      });
    }
    i = end;
    start = end + 1;
  }
  return methods;
}

function closure(methods: Map<string, RawMethod>, name: string): MethodEffects {
  const sets = new Set<string>();
  const clears = new Set<string>();
  const toggles = new Set<string>();
  const seen = new Set<string>();
  const visit = (n: string): void => {
    if (seen.has(n)) return;
    seen.add(n);
    const m = methods.get(n);
    if (m === undefined) return;
    m.sets.forEach((f) => sets.add(f));
    m.clears.forEach((f) => clears.add(f));
    m.toggles.forEach((f) => toggles.add(f));
    m.calls.forEach(visit);
  };
  visit(name);
  return { sets: [...sets].sort(), clears: [...clears].sort(), toggles: [...toggles].sort() };
}

/**
 * Scans one file: for every method of every class, the flags it sets, clears and toggles
 * (through its own calls to methods of the same class, too), keyed `Class.method`. `known` adds
 * names the file cannot resolve itself (a subclass's {@link FileEffects.members} when scanning
 * the code it inherits). Pure.
 */
export function scanEffects(source: string, known: ReadonlyMap<string, string> = new Map()): FileEffects {
  const text = stripComments(source);
  const consts = new Map([...known, ...constants(text)]);
  const methods = new Map<string, MethodEffects>();
  const members = new Map<string, ReadonlyMap<string, string>>();
  for (const m of text.matchAll(/\bclass\s+([A-Za-z_$][\w$]*)[^{]*\{/g)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    const body = text.slice(open + 1, matchBrace(text, open));
    const own = memberConstants(body, consts);
    members.set(m[1] as string, own);
    const raw = classMethods(body, new Map([...consts, ...own]));
    for (const name of raw.keys()) methods.set(`${m[1]}.${name}`, closure(raw, name));
  }
  const triggers: Array<Record<string, string>> = [];
  for (const m of text.matchAll(/\bregisterTrigger\s*\(\s*\{([^}]*)\}/g)) {
    const t: Record<string, string> = {};
    for (const key of ['when', 'whenNot', 'setFlag', 'clearFlag']) {
      const v = new RegExp(String.raw`\b${key}\s*:\s*(${STRING}|[A-Za-z_$][\w$]*)`).exec(m[1] as string)?.[1];
      const value = v === undefined ? undefined : /^['"`]/.test(v) ? unquote(v) : consts.get(v);
      if (value !== undefined) t[key] = value;
    }
    triggers.push(t);
  }
  return { methods, members, triggers };
}
