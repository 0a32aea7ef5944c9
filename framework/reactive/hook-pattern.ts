import type { EndpointRoles } from './endpoint-roles';

const ROLE_GROUP = /^(requires|provides|peers):(.+)$/;

/**
 * Compiles a `@hook` pattern to an anchored RegExp, or `null` if it can match no hook.
 *
 * Syntax: `{a,b}` alternation; `*` any run of characters; `{requires:redis}` (also `provides`,
 * `peers`) every endpoint of that role using that interface; everything else literal.
 * A role group naming no endpoint makes the whole pattern vanish, as in charms.reactive.
 */
export function compileHookPattern(pattern: string, endpoints: EndpointRoles | undefined): RegExp | null {
  let source = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === '{') {
      const end = pattern.indexOf('}', i);
      if (end < 0) {
        source += escape(pattern.slice(i));
        break;
      }
      const body = pattern.slice(i + 1, end);
      const role = ROLE_GROUP.exec(body);
      let options: string[];
      if (role !== null) {
        const table = endpoints?.[role[1] as keyof EndpointRoles] ?? {};
        options = Object.keys(table)
          .filter((name) => table[name] === role[2])
          .sort();
        if (options.length === 0) return null;
      } else {
        options = body.split(',');
      }
      source += `(?:${options.map(escapeGlob).join('|')})`;
      i = end + 1;
    } else {
      source += c === '*' ? '.*' : escape(c);
      i++;
    }
  }
  return new RegExp(`^${source}$`);
}

/** True if `hookName` matches any of `patterns` (pure; compiles on each call). */
export function matchesHook(hookName: string, patterns: readonly string[], endpoints?: EndpointRoles): boolean {
  return patterns.some((p) => compileHookPattern(p, endpoints)?.test(hookName) === true);
}

function escape(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\*]/g, '\\$&');
}

function escapeGlob(text: string): string {
  return text.split('*').map(escape).join('.*');
}
