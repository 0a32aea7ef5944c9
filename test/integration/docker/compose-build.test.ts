import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerodeClient, ImageBuildError, type BuildProgressEvent } from '../../../framework/docker';
import { ensureBusyboxImage, TestComposeProject } from '../../support';
import { planKinds } from '../../support/plan-kinds';

jest.setTimeout(180_000);

const CLI = join(__dirname, '..', '..', '..', 'dist', 'rxcharm.js');
const kinds = planKinds;

/** Images a test built carry `rxcharm.test=<project>`; removed after the project's containers. */
function removeImages(p: TestComposeProject): void {
  p.dispose();
  const project = p.project;
  const ids = spawnSync('docker', ['images', '-q', '--filter', `label=rxcharm.test=${project}`], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean);
  if (ids.length > 0) spawnSync('docker', ['rmi', '-f', ...new Set(ids)], { stdio: 'ignore' });
}

function writeContext(p: TestComposeProject, dockerfile: string, files: Record<string, string> = {}): void {
  mkdirSync(join(p.dir, 'app'), { recursive: true });
  writeFileSync(join(p.dir, 'app', 'Dockerfile'), dockerfile);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(p.dir, 'app', name), text);
}

async function env(id: string): Promise<string[]> {
  const r = spawnSync('docker', ['inspect', '--format', '{{json .Config.Env}}', id], { encoding: 'utf8' });
  return JSON.parse(r.stdout) as string[];
}

describe('compose build (Engine build API, local base image)', () => {
  let base: string;
  beforeAll(() => {
    base = ensureBusyboxImage();
  });

  it('up builds a missing image (args, target, labels, .dockerignore), names it <project>-<service>, then leaves it', async () => {
    await using p = new TestComposeProject();
    try {
      writeContext(
        p,
        `FROM ${base} AS base\nARG GREETING=none\nENV GREETING=$GREETING\nCOPY . /ctx/\n` +
          `FROM base AS prod\nENV STAGE=prod\nFROM base AS dev\nENV STAGE=dev\n`,
        { 'keep.txt': 'k', 'secret.txt': 's', '.dockerignore': 'secret.txt\n' },
      );
      p.write(
        `services:\n  app:\n    build:\n      context: ./app\n      args: { GREETING: hi }\n      target: prod\n` +
          `      labels: { rxcharm.test: ${p.project} }\n    command: sleep 1d\n    init: true\n`,
      );
      const lines: BuildProgressEvent[] = [];
      const compose = p.compose({ onBuildProgress: (e) => lines.push(e) });
      expect(kinds(await compose.up())).toEqual(['create-network', 'create app#1']);
      expect(lines.some((l) => /Step 1\/\d+ : FROM/.test(l.text))).toBe(true);
      const [c] = await compose.ps();
      const details = await new DockerodeClient().inspectContainer(c.id);
      expect(details?.image).toBe(`${p.project}-app`);
      expect(await env(c.id)).toEqual(expect.arrayContaining(['GREETING=hi', 'STAGE=prod']));
      const ls = await new DockerodeClient().exec(c.id, ['ls', '/ctx']);
      expect(ls.output.split(/\s+/)).toContain('keep.txt');
      expect(ls.output).not.toContain('secret.txt');
      p.counting.reset();
      expect(kinds(await compose.up())).toEqual(['leave app#1']);
      expect(p.counting.writes).toEqual([]);
    } finally {
      removeImages(p);
    }
  });

  it('build + image tags the result; up --build rebuilds and recreates only when the image changed', async () => {
    await using p = new TestComposeProject();
    try {
      writeContext(p, `FROM ${base}\nLABEL rxcharm.test=${p.project}\nENV V=1\n`);
      p.write(
        `services:\n  app:\n    image: ${p.project}/app:1\n    build: ./app\n    command: sleep 1d\n    init: true\n` +
          `  other:\n    image: ${base}\n    command: sleep 1d\n    init: true\n`,
      );
      const compose = p.compose();
      await compose.build();
      expect(await new DockerodeClient().inspectImage(`${p.project}/app:1`)).toBeDefined();
      await compose.up();
      expect(kinds(await compose.up(undefined, { build: true }))).toEqual(['leave app#1', 'leave other#1']);
      writeContext(p, `FROM ${base}\nLABEL rxcharm.test=${p.project}\nENV V=2\n`);
      expect(kinds(await compose.up(undefined, { build: true }))).toEqual(['recreate app#1', 'leave other#1']);
      const [app] = await compose.ps();
      expect(await env(app.id)).toContain('V=2');
    } finally {
      removeImages(p);
    }
  });

  it('a failing step is an ImageBuildError carrying the engine message', async () => {
    await using p = new TestComposeProject();
    try {
      writeContext(p, `FROM ${base}\nLABEL rxcharm.test=${p.project}\nRUN exit 3\n`);
      p.write(`services:\n  app:\n    image: ${p.project}/bad:1\n    build: ./app\n`);
      const failure = p.compose().build();
      await expect(failure).rejects.toThrow(ImageBuildError);
      await expect(p.compose().build()).rejects.toThrow(/returned a non-zero code: 3/);
    } finally {
      removeImages(p);
    }
  });

  it('rxcharm compose build prints the build steps; up --build runs the result', async () => {
    await using p = new TestComposeProject();
    try {
      writeContext(p, `FROM ${base}\nLABEL rxcharm.test=${p.project}\n`);
      p.write(
        `services:\n  app:\n    image: ${p.project}/cli:1\n    build: ./app\n    command: sleep 1d\n    init: true\n` +
          `    labels: { rxcharm.test: ${p.project} }\n`,
      );
      const base2 = ['compose', '-f', p.file, '-p', p.project];
      const built = spawnSync('node', [CLI, ...base2, 'build'], { encoding: 'utf8' });
      expect(built.status).toBe(0);
      expect(built.stderr).toMatch(/Step 1\/2 : FROM/);
      const up = spawnSync('node', [CLI, ...base2, 'up', '--build'], { encoding: 'utf8' });
      expect(up.status).toBe(0);
      expect(up.stderr).toContain(`Container ${p.project}_app_1  Started`);
      spawnSync('node', [CLI, ...base2, 'down'], { encoding: 'utf8' });
    } finally {
      removeImages(p);
    }
  });
});
