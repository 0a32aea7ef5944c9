/** What the project files of a new charm project depend on: the installed rxcharm and its tools. */
export interface ProjectVersions {
  /** The rxcharm version range the project depends on (`^0.1.0`). */
  readonly rxcharm: string;
  /** Dev-dependency ranges: typescript, jest, @types/jest, @types/node (from rxcharm's own package.json). */
  readonly devDependencies: Readonly<Record<string, string>>;
}

/** The scripts a charm project's package.json gets: the three commands of its README. */
export function projectScripts(layer: string): Record<string, string> {
  return {
    build: `rxcharm build ${layer}`,
    test: 'jest',
    typecheck: 'tsc --noEmit',
  };
}

/**
 * The package.json of a new project, merged over an existing one (a fresh `npm init`, or the one
 * `npm install rxcharm` wrote): its fields are kept, the scripts and dev dependencies added. Pure.
 */
export function projectManifest(
  existing: Readonly<Record<string, unknown>> | undefined,
  name: string,
  layer: string,
  versions: ProjectVersions,
): Record<string, unknown> {
  const base = existing ?? { name, version: '0.1.0', private: true };
  const record = (key: string): Record<string, string> => ({
    ...((base[key] as Record<string, string> | undefined) ?? {}),
  });
  const dependencies = record('dependencies');
  const devDependencies = { ...record('devDependencies') };
  if (dependencies['rxcharm'] === undefined && devDependencies['rxcharm'] === undefined)
    devDependencies['rxcharm'] = versions.rxcharm;
  for (const [dep, range] of Object.entries(versions.devDependencies)) devDependencies[dep] ??= range;
  return {
    ...base,
    scripts: { ...record('scripts'), ...projectScripts(layer) },
    devDependencies: Object.fromEntries(Object.entries(devDependencies).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/**
 * The project files besides package.json, path → content: tsconfig.json (paths for `layer:*` and
 * `interface:*`: the project's own layers, rxcharm's, and npm packages named `rxcharm-layer-*` /
 * `rxcharm-interface-*`), jest.config.js on the preset (jest.config.cjs in a `"type": "module"`
 * package), a README with the commands, a .gitignore.
 */
export function projectFiles(layer: string, packageType: 'commonjs' | 'module' = 'commonjs'): Record<string, string> {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022', 'ESNext.Disposable', 'ESNext.Decorators'],
      module: 'ESNext',
      moduleResolution: 'bundler',
      strict: true,
      noImplicitOverride: true,
      esModuleInterop: true,
      skipLibCheck: true,
      isolatedModules: true,
      noEmit: true,
      types: ['node', 'jest'],
      baseUrl: '.',
      paths: {
        'layer:*': [
          'layers/*/lib/index.ts',
          'node_modules/rxcharm/layers/*/lib/index.ts',
          'node_modules/rxcharm-layer-*/lib/index.ts',
        ],
        'interface:*': [
          'interfaces/*/index.ts',
          'node_modules/rxcharm/interfaces/*/index.ts',
          'node_modules/rxcharm-interface-*/index.ts',
        ],
      },
    },
    exclude: ['node_modules', 'build', '**/.rxcharm'],
  };
  return {
    'tsconfig.json': `${JSON.stringify(tsconfig, null, 2)}\n`,
    [packageType === 'module' ? 'jest.config.cjs' : 'jest.config.js']:
      `// TypeScript, standard decorators and layer:* / interface:* imports: rxcharm's jest preset.
module.exports = { preset: 'rxcharm' };
`,
    '.gitignore': 'node_modules/\nbuild/\n.rxcharm/\n*.charm\n',
    'README.md': `# ${layer}

A charm written with [rxcharm](https://www.npmjs.com/package/rxcharm). The charm's top layer is
\`${layer}/\`; more layers go in \`layers/<name>/\`, interface layers in \`interfaces/<name>/\`.

\`\`\`sh
npm test              # jest: the library tests and the harness test of the handlers
npm run typecheck     # tsc: the handlers, the layers they import and rxcharm's API
npm run build         # rxcharm build ${layer}: the deployable charm in build/${layer}
\`\`\`

Then \`npx rxcharm deploy build/${layer}\` runs it on rxcharm's local agent
(\`npx rxcharm status\`), or \`npx rxcharm pack build/${layer}\` makes a \`.charm\` for Juju.
`,
  };
}

/** The harness test of a new layer's handlers (state in, state out), beside its library test. */
export function harnessTestFile(layer: string, className: string): string {
  return `import { join } from 'node:path';
import { Context } from 'rxcharm/testing';

// One context per file: it bundles the layer stack once; every run gets fresh modules.
const ctx = new Context(join(__dirname, '..'));
afterAll(() => ctx.dispose());

describe('${className}Charm', () => {
  it('installs, then reports ready with the configured greeting', async () => {
    const out = await ctx.run('install', { config: { greeting: 'hi' } });
    expect(out.state.flags).toContain('${layer}.installed');
    expect(out.state.status).toEqual({ status: 'active', message: 'hi from ${layer}' });
  });

  it('does not install twice', async () => {
    const out = await ctx.run('config-changed', { flags: ['${layer}.installed'] });
    expect(out.statusHistory.map((s) => s.status)).toEqual(['active']);
  });
});
`;
}
