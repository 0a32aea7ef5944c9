/**
 * Keeps the documentation honest. Every TypeScript/JavaScript block of every page is a real file
 * under docs/examples that
 * (a) is quoted verbatim in the markdown (the whole file, or one `#region` of it),
 * (b) type-checks with the project's settings, and
 * (c) runs: `main()` samples are called here; `*.test.ts` samples run as jest tests beside this
 * one; a layer's code runs through the harness tests in its `tests/` folder (or a
 * `<layer-dir>.check.test.ts` beside it); any other sample is imported and exercised by a
 * `*.check.test.ts` file, which no page quotes and which asserts what the page claims.
 * Support files the pages do not show (layers a check runs on) live under a `fixtures/` folder.
 *
 * Marking a block: put `<!-- sample: examples/<path> -->` on the line before its fence, or
 * `<!-- sample: examples/<path>#<name> -->` to quote the lines between `// #region <name>` and
 * the next `// #endregion` of that file (dedented), for a fragment that needs a complete file
 * around it. Marker and fence may be indented alike, inside a list item.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { createProject } from '../framework/build';

const DOCS = __dirname;
const EXAMPLES = join(DOCS, 'examples');
/** A marker and its fenced block; both may be indented alike (a block inside a list item). */
const SAMPLE = /^( *)<!-- sample: ([^\s#]+)(?:#([\w-]+))? -->\n\1```(\w+)\n([\s\S]*?)\n\1```$/gm;
/** Fence languages that are code samples (shell sessions, YAML and plain text are not). */
const CODE_LANGS = ['ts', 'typescript', 'tsx', 'js', 'javascript', 'mjs', 'cjs'];
/** Example files that no page quotes on purpose: runners of other samples, and the generated hello/lib. */
const UNQUOTED = (path: string): boolean =>
  path.endsWith('.check.test.ts') || path.includes(join('hello', 'lib')) || path.split(/[\\/]/).includes('fixtures');

function files(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, keep) : keep(path) ? [path] : [];
  });
}

/** The lines between `// #region name` (or `# #region name`) and the next `#endregion`, dedented. */
function region(text: string, name: string): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\s*(//|#) #region ${name}\\s*$`).test(l));
  if (start < 0) return undefined;
  const length = lines.slice(start + 1).findIndex((l) => /^\s*(\/\/|#) #endregion\b/.test(l));
  if (length < 0) return undefined;
  const body = lines.slice(start + 1, start + 1 + length);
  const indent = Math.min(
    ...body.filter((l) => l.trim() !== '').map((l) => (/^ */.exec(l) as RegExpExecArray)[0].length),
  );
  return body
    .map((l) => l.slice(indent))
    .join('\n')
    .trimEnd();
}

/** What a marker quotes: the whole file, or one region of it. */
function quoted(file: string, name: string | undefined): string | undefined {
  const text = readFileSync(file, 'utf8');
  return name === undefined ? text.trimEnd() : region(text, name);
}

/** Relative module specifiers a file imports (static, dynamic and `require`), resolved to .ts paths. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import\(|require\()\s*'(\.[^']+)'/g)].map((m) =>
    resolve(dirname(file), m[1] as string),
  );
  return specs.flatMap((p) => [p, `${p}.ts`, join(p, 'index.ts')]);
}

const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md'));
const samples = pages.flatMap((page) =>
  [...readFileSync(join(DOCS, page), 'utf8').matchAll(SAMPLE)].map((m) => ({
    page,
    path: m[2] as string,
    region: m[3],
    lang: m[4] as string,
    // An indented block is compared without the indentation of its list item.
    block: (m[5] as string)
      .split('\n')
      .map((l) => l.slice((m[1] as string).length))
      .join('\n'),
  })),
);

describe('documentation samples', () => {
  it('every sample block equals its file (or the region it names)', () => {
    expect(samples.length).toBeGreaterThan(10);
    for (const s of samples) {
      const file = join(DOCS, s.path);
      const name = `${s.page} → ${s.path}${s.region === undefined ? '' : `#${s.region}`}`;
      expect({ sample: name, exists: existsSync(file) }).toEqual({ sample: name, exists: true });
      expect({ sample: name, text: s.block }).toEqual({ sample: name, text: quoted(file, s.region) });
    }
  });

  it('every code block of every page is a sample', () => {
    const fence = new RegExp(`(<!-- sample: \\S+ -->\\n *)?\`\`\`(${CODE_LANGS.join('|')})\\n`, 'g');
    const unmarked = pages.flatMap((page) => {
      const text = readFileSync(join(DOCS, page), 'utf8');
      return [...text.matchAll(fence)]
        .filter((m) => m[1] === undefined)
        .map((m) => `${page}:${text.slice(0, m.index).split('\n').length + 1}`);
    });
    expect(unmarked).toEqual([]);
  });

  it("every sample block is fenced with its file's language", () => {
    const language: Readonly<Record<string, string>> = {
      ts: 'ts',
      mjs: 'js',
      cjs: 'js',
      js: 'js',
      yaml: 'yaml',
      yml: 'yaml',
      json: 'json',
      md: 'markdown',
    };
    for (const s of samples) {
      const ext = s.path.slice(s.path.lastIndexOf('.') + 1);
      expect({ sample: s.path, lang: s.lang }).toEqual({ sample: s.path, lang: language[ext] ?? s.lang });
    }
  });

  it('every example TypeScript file is quoted somewhere (no orphans)', () => {
    const used = new Set(samples.map((s) => join(DOCS, s.path)));
    const examples = files(EXAMPLES, (p) => /\.ts$/.test(p) && !UNQUOTED(p));
    expect(examples.filter((p) => !used.has(p)).map((p) => relative(DOCS, p))).toEqual([]);
  });

  it('every sample that is not a test itself is run by a test', () => {
    const tests = [...files(DOCS, (p) => p.endsWith('.test.ts') && !p.includes('node_modules'))];
    const imported = new Set(tests.flatMap(imports));
    // A layer's (or interface layer's) code is run through the harness: by the tests in its own
    // tests/ folder, or by the `<dir>.check.test.ts` beside the layer directory.
    const layerWithTests = (path: string): boolean => {
      for (let dir = dirname(path); dir.startsWith(EXAMPLES); dir = dirname(dir)) {
        if (!existsSync(join(dir, 'metadata.yaml')) && !existsSync(join(dir, 'interface.yaml'))) continue;
        const tests = join(dir, 'tests');
        return (
          (existsSync(tests) && readdirSync(tests).some((f) => f.endsWith('.test.ts'))) ||
          existsSync(`${dir}.check.test.ts`)
        );
      }
      return false;
    };
    const code = [
      ...new Set(
        samples
          .filter((s) => /\.(ts|mjs|js)$/.test(s.path) && !s.path.endsWith('.test.ts'))
          .map((s) => join(DOCS, s.path)),
      ),
    ];
    expect(code.filter((p) => !imported.has(p) && !layerWithTests(p)).map((p) => relative(DOCS, p))).toEqual([]);
  });

  it('links between pages point to existing files', () => {
    for (const page of pages) {
      for (const m of readFileSync(join(DOCS, page), 'utf8').matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = m[1] as string;
        if (/^[a-z]+:/.test(target)) continue;
        expect({ page, target, exists: existsSync(join(DOCS, target)) }).toEqual({ page, target, exists: true });
      }
    }
  });

  it('the samples type-check with the project settings', () => {
    const configFile = ts.findConfigFile(join(DOCS, '..'), ts.sys.fileExists, 'tsconfig.json') as string;
    const parsed = ts.getParsedCommandLineOfConfigFile(
      configFile,
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    );
    const roots = files(EXAMPLES, (p) => p.endsWith('.ts'));
    const program = ts.createProgram(roots, { ...(parsed?.options ?? {}), noEmit: true });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file !== undefined && d.file.fileName.startsWith(EXAMPLES))
      .map((d) => `${relative(DOCS, d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  });

  it('runs every main() sample', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const graph = (await import('./examples/graph')).main;
      expect(await graph()).toMatch(/^flowchart LR\n/);
      expect(log).toHaveBeenCalledWith(
        'converge waits on: when docker.available, whenNot voting-app.configured, whenNot voting-app.stopped',
      );
      const fake = (await import('./examples/fake-docker')).main;
      expect(await fake()).toEqual([
        'pullImage busybox:1.36',
        'createNetwork demo_default',
        'createContainer demo_web_1',
        'startContainer demo_web_1',
      ]);
    } finally {
      log.mockRestore();
    }
  });

  it('the getting-started layer is exactly what `rxcharm create hello` writes', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'rxcharm-docs-'));
    try {
      const created = createProject('hello', {
        dir: tmp,
        versions: { rxcharm: '^0.1.0', devDependencies: {} },
      }).layerDir;
      for (const file of files(created, () => true)) {
        const rel = relative(created, file);
        expect({ file: rel, text: readFileSync(join(EXAMPLES, 'hello', rel), 'utf8') }).toEqual({
          file: rel,
          text: readFileSync(file, 'utf8'),
        });
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
