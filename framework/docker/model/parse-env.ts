import { ValueError } from './value-error';

/**
 * Parses the `KEY=VALUE` lines of an env file: `#` comments, blank lines, an optional `export `
 * prefix, single quotes (literal) and double quotes (with `\n`, `\"`, `\\` escapes).
 */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const body = line.startsWith('export ') ? line.slice(7).trimStart() : line;
    const eq = body.indexOf('=');
    const key = (eq < 0 ? body : body.slice(0, eq)).trim();
    if (!/^[^\s=]+$/.test(key)) throw new ValueError(`line ${index + 1}: invalid variable name "${key}"`);
    let value = eq < 0 ? '' : body.slice(eq + 1).trim();
    if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) {
      value = value.slice(1, -1);
    } else if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      value = value.slice(1, -1).replace(/\\([n"\\])/g, (_m, c: string) => (c === 'n' ? '\n' : c));
    } else {
      const hash = value.indexOf(' #');
      if (hash >= 0) value = value.slice(0, hash).trimEnd();
    }
    out[key] = value;
  });
  return out;
}
