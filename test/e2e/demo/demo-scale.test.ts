/**
 * `npm run demo -- --scale`, end to end: the demo script itself (scripts/demo.mjs) runs the main
 * story and then the scale story on real containers (three voting-app units behind the proxy
 * charm, 300 votes through it, a unit removed under load, the tally checked) and must exit 0.
 * The script checks every step itself and exits non-zero on any mismatch; this test runs it from
 * the repository as a user would and checks what it reports.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeProject } from '../../support';
import { freePort, ROOT } from './demo-world';

jest.setTimeout(900_000);

/** The demo's compose projects (its application names are fixed: it is the user's demo). */
const PROJECTS = ['voting-app-0', 'voting-app-1', 'voting-app-2', 'redis-0', 'postgresql-0', 'proxy-0'];

function runDemo(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'demo.mjs'), ...args], { cwd: ROOT, env });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('e2e: npm run demo -- --scale', () => {
  const modelDir = join(mkdtempSync(join(tmpdir(), 'rxcharm-e2e-scale-')), 'model');

  afterAll(() => {
    // Every application's teardown hooks, then the model's unit network.
    spawnSync(process.execPath, [join(ROOT, 'bin', 'rxcharm'), 'destroy-model', '--model', modelDir], {
      stdio: 'ignore',
    });
    for (const project of PROJECTS) removeProject(project);
    rmSync(join(modelDir, '..'), { recursive: true, force: true });
  });

  it('scales voting-app out behind the proxy with no vote lost or counted twice', async () => {
    const taken = new Set<number>();
    const port = async (): Promise<string> => {
      let p = await freePort();
      while (taken.has(p)) p = await freePort();
      taken.add(p);
      return String(p);
    };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NO_COLOR: '1',
      RXCHARM_DEMO_MODEL: modelDir,
      DEMO_VOTE_PORT: await port(),
      DEMO_RESULT_PORT: await port(),
      DEMO_REDIS_PORT: await port(),
      DEMO_POSTGRES_PORT: await port(),
      DEMO_PROXY_PORT: await port(),
      DEMO_PROXY_STATS_PORT: await port(),
    };
    delete env.RXCHARM_MODEL;
    const { code, output } = await runDemo(['--scale'], env);
    if (code !== 0) throw new Error(`demo --scale exited ${String(code)}:\n${output.slice(-8000)}`);

    expect(output).toContain('Every check passed');
    // 300 votes through the proxy, served by at least three different containers.
    const served = /300 votes accepted \(\d+ a, \d+ b\), served by (.*)$/m.exec(output);
    expect(served).not.toBeNull();
    const containers = served![1]!.split(', ').map((entry) => entry.split(':')[0]);
    expect(new Set(containers).size).toBeGreaterThanOrEqual(3);
    // The tally equals what was there before plus every vote cast.
    const tally =
      /→ \{"a":(\d+),"b":(\d+),"total":(\d+)\} = \{"a":(\d+),"b":(\d+),"total":(\d+)\} before \+ (\d+) cast/.exec(
        output,
      );
    expect(tally).not.toBeNull();
    const [, , , total, , , before, cast] = tally!.map(Number);
    expect(total).toBe(before! + cast!);
    expect(cast).toBeGreaterThanOrEqual(300);
  });

  it('refuses an unknown argument, and runs nothing', async () => {
    const { code, output } = await runDemo(['--sclae'], { ...process.env, NO_COLOR: '1' });
    expect(code).toBe(1);
    expect(output).toContain("unknown argument '--sclae' (usage: npm run demo [-- --scale])");
    expect(output).not.toContain('Check that a Docker engine is reachable');
  });
});
