/**
 * The import order of docs/architecture.md ("Floors"), checked on every import statement of
 * framework/** (test files aside: they are not shipped and may reach sideways, e.g. a templating
 * test parsing its output with the compose parser), layers/**, interfaces/** and charms/**.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { CHARM_CODE_IMPORTS, FLOORS } from './floors';

const ROOT = resolve(__dirname, '..', '..', '..');
const SKIP_DIRS = new Set(['node_modules', 'build', 'dist', '.rxcharm']);

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIP_DIRS.has(name) ? [] : tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The module specifiers of `file`'s import and export-from statements (and `require`s). */
function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** The floor a path of framework/ belongs to: its folder, `rxcharm` for framework/index.ts. */
function floorOf(path: string): string {
  const parts = relative(join(ROOT, 'framework'), path).split(sep);
  if (parts[0] === '..') return relative(ROOT, path).split(sep)[0] ?? path;
  // framework/<folder> (its barrel) and framework/<folder>/... are that folder; framework/*.ts the barrel.
  if (parts.length === 1 && !isDirectory(path)) return 'rxcharm';
  return parts[0] as string;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function resolveRelative(from: string, specifier: string): string {
  return resolve(dirname(from), specifier);
}

/** The imports of `file` (in framework/) that its floor may not make. */
function orderBreaks(file: string, specifiers: readonly string[]): string[] {
  const allowed: Record<string, readonly string[]> = FLOORS;
  const from = floorOf(file);
  const breaks: string[] = [];
  for (const specifier of specifiers) {
    if (!specifier.startsWith('.')) {
      // The framework never imports itself through charm authors' aliases.
      if (/^(rxcharm|layer:|interface:)/.test(specifier)) breaks.push(`${relative(ROOT, file)}: ${specifier}`);
      continue;
    }
    const to = floorOf(resolveRelative(file, specifier));
    if (to !== from && !(allowed[from] ?? []).includes(to)) breaks.push(`${relative(ROOT, file)}: ${specifier} (${from} → ${to})`);
  }
  return breaks;
}

describe('import order (docs/architecture.md, Floors)', () => {
  const isFixture = (f: string): boolean => f.split(sep).includes('fixtures');
  // Fixture layers inside framework/ are charm code, checked as such below.
  const framework = tsFiles(join(ROOT, 'framework')).filter((f) => !f.endsWith('.test.ts') && !isFixture(f));

  it('names every folder of framework/ in the table', () => {
    const folders = new Set(framework.map(floorOf));
    expect([...folders].filter((f) => !(f in FLOORS)).sort()).toEqual([]);
  });

  it('lets each framework folder import only the floors below it', () => {
    expect(framework.flatMap((file) => orderBreaks(file, importsOf(file)))).toEqual([]);
  });

  it('lets layers, interfaces and charms see the framework only through its entry points', () => {
    const patterns = CHARM_CODE_IMPORTS.map((p) => new RegExp(`^${p.replace('*', '.+')}$`));
    const breaks: string[] = [];
    const charmCode = ['layers', 'interfaces', 'charms'].flatMap((top) => tsFiles(join(ROOT, top)));
    const fixtures = tsFiles(join(ROOT, 'framework')).filter(isFixture);
    for (const file of [...charmCode, ...fixtures]) {
      // The layer, interface or charm the file belongs to: the directory after `layers/`... or `fixtures/`.
      const parts = relative(ROOT, file).split(sep);
      const at = parts[0] === 'framework' ? parts.indexOf('fixtures') + 1 : 1;
      const own = join(ROOT, ...parts.slice(0, at + 1));
      for (const specifier of importsOf(file)) {
        const ok = specifier.startsWith('.')
          ? !relative(own, resolveRelative(file, specifier)).startsWith('..')
          : patterns.some((p) => p.test(specifier)) || !/^(rxcharm|layer:|interface:|framework\b)/.test(specifier);
        if (!ok) breaks.push(`${relative(ROOT, file)}: ${specifier}`);
      }
    }
    expect(breaks).toEqual([]);
  });

  it('reports an import that breaks the order, and accepts one that keeps it', () => {
    const charmFile = join(ROOT, 'framework', 'charm', 'charm-layout.ts');
    expect(orderBreaks(charmFile, ['../runtime', '../errors', 'node:fs'])).toEqual([
      'framework/charm/charm-layout.ts: ../runtime (charm → runtime)',
    ]);
    expect(orderBreaks(join(ROOT, 'framework', 'build', 'x.ts'), ['rxcharm'])).toEqual(['framework/build/x.ts: rxcharm']);
    expect(orderBreaks(join(ROOT, 'framework', 'index.ts'), ['./runtime', './charm'])).toEqual([]);
  });
});
