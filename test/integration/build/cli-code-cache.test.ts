import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { REPO } from './helpers';

jest.setTimeout(120_000);

// The built CLI (dist/, rebuilt by `npm test` / `npm run build`), copied to a folder of this
// suite's own inside the repo so its external packages still resolve from node_modules.
describe('dist/rxcharm.js compiles the CLI bundle with a V8 code cache', () => {
  const parent = join(REPO, 'node_modules', '.cache');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'rxcharm-cli-cache-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const file of ['rxcharm.js', 'rxcharm-cli.js']) copyFileSync(join(REPO, 'dist', file), join(dir, file));
  const cacheFile = join(dir, '.cache', 'rxcharm-cli.compose.v8');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(dir, 'rxcharm.js'), ...args], { encoding: 'utf8' });

  it('writes one cache per command when the first run exits, tagged with the bundle hash', () => {
    const first = run('compose', '--help');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Usage: rxcharm compose');
    expect(readdirSync(join(dir, '.cache'))).toEqual(['rxcharm-cli.compose.v8']);
    const tag = readFileSync(cacheFile).subarray(0, 32).toString('latin1');
    expect(readFileSync(join(dir, 'rxcharm.js'), 'utf8')).toContain(JSON.stringify(tag));

    const second = run('compose', '--help');
    expect(second).toMatchObject({ status: 0, stdout: first.stdout, stderr: first.stderr });
    expect(run('--version').status).toBe(0);
    expect(readdirSync(join(dir, '.cache')).sort()).toEqual(['rxcharm-cli.compose.v8', 'rxcharm-cli.default.v8']);
  });

  it('runs the same with a damaged cache or one of another bundle, and writes a good one again', () => {
    const reference = run('compose', '--help').stdout;
    const tag = readFileSync(cacheFile).subarray(0, 32);
    writeFileSync(cacheFile, Buffer.concat([tag, Buffer.from('not a V8 code cache')]));
    expect(run('compose', '--help')).toMatchObject({ status: 0, stdout: reference });
    expect(readFileSync(cacheFile).length).toBeGreaterThan(1000);

    writeFileSync(cacheFile, Buffer.from('0'.repeat(32) + 'stale'));
    expect(run('compose', '--help')).toMatchObject({ status: 0, stdout: reference });
    expect(readFileSync(cacheFile).subarray(0, 32)).toEqual(tag);
  });

  it('runs without a cache where none can be written', () => {
    rmSync(join(dir, '.cache'), { recursive: true, force: true });
    writeFileSync(join(dir, '.cache'), 'a file where the cache folder would go');
    expect(run('compose', '--help')).toMatchObject({ status: 0, stderr: '' });
    expect(existsSync(cacheFile)).toBe(false);
  });
});
