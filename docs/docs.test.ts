/**
 * Keeps the documentation honest: every code sample is a real file under docs/examples that
 * (a) is quoted verbatim in the markdown, (b) type-checks with the project's settings, and
 * (c) runs: `main()` samples are called here, `*.test.ts` samples run as jest tests beside this one.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { createLayer } from '../framework/build';

const DOCS = __dirname;
const EXAMPLES = join(DOCS, 'examples');
/** Pages whose every TypeScript block must be a checked sample. */
const CHECKED_PAGES = ['index.md', 'getting-started.md', 'testing.md', 'tutorial-voting-app.md', 'juju.md'];
const SAMPLE = /<!-- sample: (\S+) -->\n```(\w+)\n([\s\S]*?)\n```/g;

function files(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, keep) : keep(path) ? [path] : [];
  });
}

const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md'));
const samples = pages.flatMap((page) =>
  [...readFileSync(join(DOCS, page), 'utf8').matchAll(SAMPLE)].map((m) => ({ page, path: m[1] as string, lang: m[2] as string, block: m[3] as string })),
);

describe('documentation samples', () => {
  it('every sample block equals its file', () => {
    expect(samples.length).toBeGreaterThan(10);
    for (const s of samples) {
      const file = join(DOCS, s.path);
      expect({ sample: s.path, exists: existsSync(file) }).toEqual({ sample: s.path, exists: true });
      expect({ sample: `${s.page} → ${s.path}`, text: s.block }).toEqual({ sample: `${s.page} → ${s.path}`, text: readFileSync(file, 'utf8').trimEnd() });
    }
  });

  it('every TypeScript block of the checked pages is a sample, and every page exists', () => {
    for (const page of CHECKED_PAGES) {
      const text = readFileSync(join(DOCS, page), 'utf8');
      const unmarked = [...text.matchAll(/(<!-- sample: \S+ -->\n)?```(ts|typescript)\n/g)].filter((m) => m[1] === undefined);
      expect({ page, unmarked: unmarked.length }).toEqual({ page, unmarked: 0 });
    }
  });

  it('every example TypeScript file is quoted somewhere (no orphans)', () => {
    const quoted = new Set(samples.map((s) => join(DOCS, s.path)));
    const examples = files(EXAMPLES, (p) => /\.ts$/.test(p) && !p.includes(`${join('hello', 'lib')}`));
    expect(examples.filter((p) => !quoted.has(p)).map((p) => relative(DOCS, p))).toEqual([]);
  });

  it('links between pages point to existing files', () => {
    for (const page of CHECKED_PAGES) {
      for (const m of readFileSync(join(DOCS, page), 'utf8').matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = m[1] as string;
        if (/^[a-z]+:/.test(target)) continue;
        expect({ page, target, exists: existsSync(join(DOCS, target)) }).toEqual({ page, target, exists: true });
      }
    }
  });

  it('the samples type-check with the project settings', () => {
    const configFile = ts.findConfigFile(join(DOCS, '..'), ts.sys.fileExists, 'tsconfig.json') as string;
    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
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
      expect(log).toHaveBeenCalledWith('converge waits on: when docker.available, whenNot voting-app.configured');
      const fake = (await import('./examples/fake-docker')).main;
      expect(await fake()).toEqual(['pullImage busybox:1.36', 'createNetwork demo_default', 'createContainer demo_web_1', 'startContainer demo_web_1']);
    } finally {
      log.mockRestore();
    }
  });

  it('the getting-started layer is exactly what `rxcharm create hello` writes', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'rxcharm-docs-'));
    try {
      const created = createLayer('hello', { dir: tmp });
      for (const file of files(created, () => true)) {
        const rel = relative(created, file);
        expect({ file: rel, text: readFileSync(join(EXAMPLES, 'hello', rel), 'utf8') }).toEqual({ file: rel, text: readFileSync(file, 'utf8') });
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

