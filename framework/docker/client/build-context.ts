import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file below a build context, as paths relative to it (`/`-separated), directories walked
 * depth-first. These are the tar stream's entries; `.dockerignore` is applied to them by the
 * caller (dockerode applies Docker's own matcher, `@balena/dockerignore`).
 */
export function contextEntries(context: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), rel);
      else out.push(rel);
    }
  };
  walk(context, '');
  return out;
}
