/**
 * A small gitignore-style matcher for `exclude:` / `ignore:` patterns: `*` and `?` stay inside
 * one path segment, `**` crosses segments, a leading `/` anchors at the layer root, a pattern
 * without `/` matches a file or directory name at any depth, and a directory match covers
 * everything below it. Negation (`!`) is not supported.
 */
export function ignoreMatcher(patterns: readonly string[]): (relPath: string) => boolean {
  const regexes = patterns.filter((p) => p.trim().length > 0 && !p.startsWith('#')).map(compile);
  return (relPath) => {
    const parts = relPath.split('/');
    // Test the path and each of its parent directories, so `tests` also drops `tests/a.ts`.
    for (let end = parts.length; end > 0; end -= 1) {
      const prefix = parts.slice(0, end).join('/');
      if (regexes.some((re) => re.test(prefix))) return true;
    }
    return false;
  };
}

function compile(raw: string): RegExp {
  let pattern = raw.trim().replace(/\/+$/, '');
  const anchored = pattern.startsWith('/') || pattern.includes('/');
  pattern = pattern.replace(/^\/+/, '');
  let body = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] as string;
    if (ch === '*' && pattern[i + 1] === '*') {
      body += '.*';
      i += 1;
      if (pattern[i + 1] === '/') i += 1;
    } else if (ch === '*') body += '[^/]*';
    else if (ch === '?') body += '[^/]';
    else body += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(anchored ? `^${body}$` : `(^|/)${body}$`);
}
