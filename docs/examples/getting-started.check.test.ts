/**
 * Replays docs/getting-started.md as a new user would, outside this repository: every `sh` block
 * of the page, verbatim and in order, in a temporary directory holding the packed rxcharm tarball
 * (the page installs it from `../rxcharm-<version>.tgz`). The first block runs in that directory
 * and makes `hello/`; the others run in `hello/`. Checks the status table the page shows and what
 * the last blocks report. Needs the npm registry for dependencies (the npm cache is reused).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { authorWorkspace, type AuthorWorkspace, type CommandRun } from '../../test/support/author-project';

jest.setTimeout(900_000);

const root = resolve(__dirname, '../..');
const page = readFileSync(join(root, 'docs', 'getting-started.md'), 'utf8');
const shellBlocks = [...page.matchAll(/```sh\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '');

/** The plain code block right after the block that contains `command` in the page. */
function blockAfter(command: string): string {
  const at = page.indexOf(command);
  const next = /```\n([\s\S]*?)\n```/.exec(page.slice(page.indexOf('```\n', page.indexOf('```', at) + 3)));
  return next?.[1] ?? '';
}

let ws: AuthorWorkspace;
const outputs: CommandRun[] = [];

beforeAll(async () => {
  ws = await authorWorkspace('docs', { unitNetwork: true });
});
afterAll(async () => {
  // The teardown hooks, then the model's unit network.
  await ws.sh('npx rxcharm destroy-model', 'hello');
  ws[Symbol.dispose]();
});

it('installs from the tarball name the page uses', () => {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  expect(ws.tarball).toBe(join(ws.dir, `rxcharm-${version}.tgz`));
  expect(shellBlocks[0]).toContain(`npm install --save-dev ../rxcharm-${version}.tgz`);
});

it('runs every shell block of the page, in order', async () => {
  expect(shellBlocks.length).toBeGreaterThanOrEqual(5);
  for (const [i, block] of shellBlocks.entries()) {
    const run = await ws.sh(`set -e\n${block}`, i === 0 ? '.' : 'hello');
    expect({ block, code: run.code, output: run.code === 0 ? '' : `${run.stdout}\n${run.stderr}` }).toEqual({ block, code: 0, output: '' });
    outputs.push(run);
  }
});

it('shows the status table of the page, and what the last steps report', () => {
  const status = outputs.find((_, i) => shellBlocks[i]?.includes('npx rxcharm status'));
  // The agent takes the first free 10.213.N.0/24: N is 0 on a machine with no other model.
  const table = status?.stdout.trimEnd().split('\n').slice(-8).join('\n').replace(/\b10\.213\.\d\./g, '10.213.0.');
  expect(table).toBe(blockAfter('npx rxcharm status'));
  const inside = outputs[shellBlocks.findIndex((b) => b.includes('npx rxcharm flags'))]?.stdout ?? '';
  expect(inside).toContain('hello.installed');
  expect(inside).toContain('HelloCharm.ready');
  expect(existsSync(join(ws.dir, 'hello', 'hello.svg'))).toBe(true);
});
