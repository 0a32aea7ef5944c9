import { projectFiles, projectManifest } from './project-template';

const versions = { rxcharm: '^0.1.0', devDependencies: { typescript: '5.9.3', jest: '^29.7.0' } };

describe('projectManifest', () => {
  it('makes a package.json with the three scripts and the dev dependencies', () => {
    const manifest = projectManifest(undefined, 'my-app', 'my-app', versions);
    expect(manifest['scripts']).toEqual({ build: 'rxcharm build my-app', test: 'jest', typecheck: 'tsc --noEmit' });
    expect(manifest['devDependencies']).toEqual({ jest: '^29.7.0', rxcharm: '^0.1.0', typescript: '5.9.3' });
  });

  it("keeps an npm init package.json's fields and the rxcharm it installed", () => {
    const existing = {
      name: 'proj',
      license: 'MIT',
      dependencies: { rxcharm: 'file:../rxcharm.tgz' },
      devDependencies: { jest: '^29.0.0' },
    };
    const manifest = projectManifest(existing, 'my-app', 'my-app', versions);
    expect(manifest).toMatchObject({ name: 'proj', license: 'MIT', dependencies: { rxcharm: 'file:../rxcharm.tgz' } });
    expect(manifest['devDependencies']).toEqual({ jest: '^29.0.0', typescript: '5.9.3' });
  });
});

describe('projectFiles', () => {
  it('maps layer:* and interface:* to the project, rxcharm and rxcharm-layer-* packages, and uses the jest preset', () => {
    const files = projectFiles('my-app');
    const tsconfig = JSON.parse(files['tsconfig.json'] ?? '{}') as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    expect(tsconfig.compilerOptions.paths['layer:*']).toEqual([
      'layers/*/lib/index.ts',
      'node_modules/rxcharm/layers/*/lib/index.ts',
      'node_modules/rxcharm-layer-*/lib/index.ts',
    ]);
    expect(files['jest.config.js']).toContain("preset: 'rxcharm'");
    expect(files['README.md']).toContain('npm run typecheck');
  });

  it('names the jest config .cjs in an ES module package', () => {
    expect(Object.keys(projectFiles('my-app', 'module'))).toContain('jest.config.cjs');
  });
});
