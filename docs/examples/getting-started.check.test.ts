/**
 * Replays the shell session of docs/getting-started.md with the real `rxcharm` command: create,
 * build, proof, deploy on the local agent, config, status (compared with the table the page
 * shows), flags, trace and graph. Spawns the CLI and hook processes; no Docker.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildCliBundle } from '../../test/support/cli-bundle';

jest.setTimeout(180_000);

const exec = promisify(execFile);
const root = resolve(__dirname, '../..');
// A private bundle of the current CLI (as scripts/build-cli.mjs makes dist/), so this test
// neither depends on nor races with a shared dist/ rebuild.
const bundle = join(root, 'node_modules/.cache/rxcharm-docs/rxcharm.js');
const work = mkdtempSync(join(tmpdir(), 'rxcharm-docs-getting-started-'));
const charms = join(work, 'charms');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `rxcharm ...args` in `cwd`, with no model configured (the default ./.rxcharm/model applies). */
async function rxcharm(cwd: string, ...args: string[]): Promise<Run> {
  const { RXCHARM_MODEL: _model, ...env } = process.env;
  try {
    const { stdout, stderr } = await exec(process.execPath, [bundle, ...args], { cwd, env: { ...env, RXCHARM_UNIT_ADDRESS: '10.9.8.7' }, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The plain code block right after the block that contains `command` in the page. */
function blockAfter(command: string): string {
  const page = readFileSync(join(root, 'docs', 'getting-started.md'), 'utf8');
  const at = page.indexOf(command);
  const next = /```\n([\s\S]*?)\n```/.exec(page.slice(page.indexOf('```\n', page.indexOf('```', at) + 3)));
  return next?.[1] ?? '';
}

beforeAll(async () => {
  await buildCliBundle(bundle);
  mkdirSync(charms);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ok = (run: Run): Run => {
  expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
  return run;
};

it('1. create, 3. build and proof', async () => {
  ok(await rxcharm(work, 'create', 'hello', '-o', 'charms'));
  expect(existsSync(join(charms, 'hello', 'reactive', 'hello.ts'))).toBe(true);
  ok(await rxcharm(charms, 'build', 'hello', '-o', 'build/hello'));
  expect(existsSync(join(charms, 'build', 'hello', 'lib', 'charm.js'))).toBe(true);
  ok(await rxcharm(charms, 'proof', 'build/hello'));
});

it('4. deploy, config and status: the table the page shows', async () => {
  ok(await rxcharm(charms, 'deploy', 'build/hello'));
  ok(await rxcharm(charms, 'config', 'hello', 'greeting=hi'));
  const status = ok(await rxcharm(charms, 'status'));
  expect(existsSync(join(charms, '.rxcharm', 'model'))).toBe(true);
  expect(status.stdout.trimEnd()).toBe(blockAfter('rxcharm status'));
});

it('5. flags, trace and graph', async () => {
  expect(ok(await rxcharm(charms, 'flags', 'hello/0')).stdout).toContain('hello.installed');
  const trace = ok(await rxcharm(charms, 'trace', 'hello/0', '--verbose')).stdout;
  expect(trace).toContain('config-changed');
  expect(trace).toContain('HelloCharm.ready');
  ok(await rxcharm(charms, 'graph', 'hello', '-f', 'svg', '-o', 'hello.svg'));
  expect(readFileSync(join(charms, 'hello.svg'), 'utf8')).toMatch(/^<svg[\s\S]*HelloCharm\.install[\s\S]*<\/svg>\s*$/);
});
