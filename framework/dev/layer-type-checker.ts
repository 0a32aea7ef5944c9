import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type * as TS from 'typescript';
import type { BundleAliases } from '../build';
import type { TypeDiagnostic } from './errors';

type TypeScript = typeof TS;

/** Directories of a layer that never hold charm code. */
const SKIPPED_DIRS = new Set(['node_modules', 'build', '.rxcharm', '.git', 'tests', 'workload', 'templates']);

function isInside(file: string, dir: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
}

/** The `.ts` files of a layer or interface dir that are charm code (tests and workloads left out). */
export function layerSourceFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (path: string): void => {
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(join(path, entry.name));
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) {
        files.push(join(path, entry.name));
      }
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * Type-checks a layer stack the way `npm run typecheck` checks the repository (strict, the same
 * `rxcharm`, `layer:*` and `interface:*` paths), keeping the previous program: a check after an
 * edit parses only the files that changed and re-checks only the files they affect. Messages
 * are reported for the stack's own files only.
 */
export class LayerTypeChecker {
  private builder: TS.SemanticDiagnosticsBuilderProgram | undefined;
  private readonly sources = new Map<string, { readonly file: TS.SourceFile }>();

  private constructor(
    private readonly ts: TypeScript,
    private readonly packageRoot: string,
  ) {}

  /** Loads the TypeScript compiler (only `rxcharm dev` needs it). */
  static async create(packageRoot: string): Promise<LayerTypeChecker> {
    const mod = (await import('typescript')) as TypeScript & { default?: TypeScript };
    return new LayerTypeChecker(mod.default ?? mod, packageRoot);
  }

  /** Checks the stack the bundler was given; returns every error in its files, sorted. */
  check(aliases: BundleAliases): TypeDiagnostic[] {
    const ts = this.ts;
    const dirs = [...Object.values(aliases.layers), ...Object.values(aliases.interfaces)];
    const paths: Record<string, string[]> = { rxcharm: [aliases.framework] };
    for (const [name, dir] of Object.entries(aliases.layers)) paths[`layer:${name}`] = [join(dir, 'lib', 'index.ts')];
    for (const [name, dir] of Object.entries(aliases.interfaces)) paths[`interface:${name}`] = [join(dir, 'index.ts')];
    const options: TS.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.esnext.disposable.d.ts', 'lib.esnext.decorators.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noImplicitOverride: true,
      noFallthroughCasesInSwitch: true,
      esModuleInterop: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      isolatedModules: true,
      noEmit: true,
      types: ['node'],
      typeRoots: [join(this.packageRoot, 'node_modules', '@types')],
      paths,
    };
    const host = ts.createIncrementalCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      // Files are compared by content, not mtime: two saves within one clock tick still count.
      const text = host.readFile(fileName);
      const cached = this.sources.get(fileName);
      if (text !== undefined && cached !== undefined && cached.file.text === text) return cached.file;
      const file = read(fileName, languageVersion, onError, shouldCreate);
      if (file !== undefined) this.sources.set(fileName, { file });
      return file;
    };
    const roots = dirs.flatMap(layerSourceFiles);
    this.builder = ts.createSemanticDiagnosticsBuilderProgram(roots, options, host, this.builder);
    const program = this.builder;
    const all = [
      ...program.getConfigFileParsingDiagnostics(),
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...program.getSyntacticDiagnostics(),
      ...program.getSemanticDiagnostics(),
    ];
    return all
      .filter((d) => d.category === ts.DiagnosticCategory.Error)
      .filter((d) => d.file === undefined || dirs.some((dir) => isInside(d.file!.fileName, dir)))
      .map((d) => this.toDiagnostic(d))
      .sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
  }

  private toDiagnostic(d: TS.Diagnostic): TypeDiagnostic {
    const message = this.ts.flattenDiagnosticMessageText(d.messageText, '\n    ');
    const code = `TS${d.code}`;
    if (d.file === undefined || d.start === undefined) return { code, message };
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return { file: d.file.fileName, line: line + 1, column: character + 1, code, message };
  }
}
