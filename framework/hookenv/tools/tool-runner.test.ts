import { spawnToolRunner } from './tool-runner';

describe('spawnToolRunner', () => {
  it('reports an argument with a NUL byte as a tool that could not run (no TypeError, no process)', async () => {
    const run = spawnToolRunner({ env: { PATH: '/nonexistent' } });
    const result = await run('status-set', ['active', 'bad\u0000message']);
    expect(result.exitCode).toBe(-1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^ERROR cannot run status-set: .*null bytes/);
  });
});
