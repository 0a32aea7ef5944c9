/**
 * A charm author's path, outside this repository: pack rxcharm, install the tarball in an empty
 * project, `rxcharm create`, type-check with the project's own tsc, run its jest harness test,
 * build, proof, deploy on the local agent and see the unit active. Then a layer published as an
 * npm package (installed from its tarball) used by the charm through `layer:<name>`.
 * Needs the npm registry for rxcharm's dependencies (the user's npm cache is reused).
 */
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authorWorkspace, linksIntoRepo, type AuthorWorkspace, type CommandRun } from '../support/author-project';

jest.setTimeout(900_000);

let ws: AuthorWorkspace;
const project = (): string => join(ws.dir, 'proj');

beforeAll(async () => {
  ws = await authorWorkspace('e2e');
  mkdirSync(project());
});
afterAll(async () => {
  await ws.sh('npx rxcharm remove-application mycharm', 'proj');
  ws[Symbol.dispose]();
});

const ok = (run: CommandRun): CommandRun => {
  expect({ code: run.code, stderr: run.code === 0 ? '' : `${run.stdout}\n${run.stderr}` }).toEqual({
    code: 0,
    stderr: '',
  });
  return run;
};

it('installs the tarball, creates a charm, type-checks, tests, builds, proofs and deploys it', async () => {
  ok(await ws.sh('npm init -y', 'proj'));
  ok(await ws.sh(`npm install --prefer-offline --save-dev ${JSON.stringify(ws.tarball)}`, 'proj'));
  expect(realpathSync(join(project(), 'node_modules', 'rxcharm'))).toBe(join(project(), 'node_modules', 'rxcharm'));

  // Importing the library never runs the CLI.
  const load = ok(
    await ws.sh(
      `node -e "const r = require('rxcharm'); require('rxcharm/compose'); require('rxcharm/testing'); console.log(typeof r.Charm)"`,
      'proj',
    ),
  );
  expect(load.stdout).toBe('function\n');

  expect(ok(await ws.sh('npx rxcharm create mycharm', 'proj')).stdout).toContain('project files');
  ok(await ws.sh('npm install --prefer-offline', 'proj'));
  expect(linksIntoRepo(project())).toEqual([]);

  ok(await ws.sh('node_modules/.bin/tsc --noEmit -p .', 'proj'));
  const test = ok(await ws.sh('npm test 2>&1', 'proj'));
  expect(test.stdout).toMatch(/mycharm-charm\.test\.ts/);
  expect(test.stdout).toMatch(/Tests:\s+4 passed/);

  ok(await ws.sh('npm run build', 'proj'));
  ok(await ws.sh('npx rxcharm proof build/mycharm', 'proj'));
  ok(await ws.sh('npx rxcharm deploy build/mycharm', 'proj'));
  const status = ok(await ws.sh('npx rxcharm status', 'proj')).stdout;
  expect(status).toMatch(/mycharm\/0\*?\s+active\s+idle\s+10\.9\.8\.7\s+hello from mycharm/);
});

it('resolves layer:<name> from an npm package that declares it, in tsc, jest and the build', async () => {
  const greeter = join(ws.dir, 'greeter');
  mkdirSync(join(greeter, 'lib'), { recursive: true });
  writeFileSync(
    join(greeter, 'package.json'),
    JSON.stringify({
      name: 'rxcharm-layer-greeter',
      version: '1.0.0',
      rxcharm: { layer: 'greeter' },
      files: ['layer.yaml', 'lib/'],
    }),
  );
  writeFileSync(join(greeter, 'layer.yaml'), 'includes:\n  - layer:basic\n');
  writeFileSync(
    join(greeter, 'lib', 'index.ts'),
    'export function greet(name: string): string {\n  return `greetings, ${name}`;\n}\n',
  );
  ok(await ws.sh('npm pack --silent', 'greeter'));
  ok(await ws.sh('npm install --prefer-offline --save-dev ../greeter/rxcharm-layer-greeter-1.0.0.tgz', 'proj'));

  const layerYaml = join(project(), 'mycharm', 'layer.yaml');
  writeFileSync(
    layerYaml,
    readFileSync(layerYaml, 'utf8').replace('  - layer:basic\n', '  - layer:basic\n  - layer:greeter\n'),
  );
  writeFileSync(
    join(project(), 'mycharm', 'lib', 'greeting.test.ts'),
    "import { greet } from 'layer:greeter';\n\nit('greets through the npm layer', () => {\n  expect(greet('mycharm')).toBe('greetings, mycharm');\n});\n",
  );

  ok(await ws.sh('node_modules/.bin/tsc --noEmit -p .', 'proj'));
  expect(ok(await ws.sh('npx jest mycharm/lib/greeting.test.ts 2>&1', 'proj')).stdout).toMatch(/Tests:\s+1 passed/);
  expect(ok(await ws.sh('npx rxcharm build mycharm --force', 'proj')).stdout).toMatch(
    /layers: basic, greeter, mycharm/,
  );

  // The same name in the project's own layers/ is an error naming both places.
  mkdirSync(join(project(), 'layers', 'greeter'), { recursive: true });
  const clash = await ws.sh('npx rxcharm build mycharm --force', 'proj');
  expect(clash.code).not.toBe(0);
  expect(clash.stderr).toContain(join(project(), 'layers', 'greeter'));
  expect(clash.stderr).toContain('npm package rxcharm-layer-greeter');
});
