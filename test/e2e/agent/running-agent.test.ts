import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildCliBundle } from '../../support/cli-bundle';
import { CHARMS } from './agent-fixture';

const exec = promisify(execFile);
const root = resolve(__dirname, '../../..');
// A private bundle of the current CLI, so this suite neither depends on nor races with dist/.
const bundle = join(root, 'node_modules/.cache/rxcharm-running-agent-e2e/rxcharm.js');
/** Base of the retry back-off in these tests (Juju's is 5 s). */
const RETRY_BASE = '300ms';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** One hook run as the `timed` charm records it (times in ms since the epoch). */
interface HookRun {
  hook: string;
  unit: string;
  start: number;
  end: number;
  outcome: string;
}

/** A running `rxcharm agent` process. */
interface RunningAgent {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

describe('rxcharm agent (a running agent)', () => {
  let dir: string;
  let model: string;
  const started: ChildProcess[] = [];

  function env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      RXCHARM_MODEL: model,
      RXCHARM_UNIT_ADDRESS: '10.9.8.7',
      RXCHARM_AGENT_RETRY_BASE: RETRY_BASE,
    };
  }

  async function rxcharm(...args: string[]): Promise<Run> {
    try {
      const { stdout, stderr } = await exec(process.execPath, [bundle, ...args], { env: env() });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  }

  function spawnAgent(): RunningAgent {
    const child = spawn(process.execPath, [bundle, 'agent'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(child);
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.on('exit', (code, signal) => done({ code, signal })),
    );
    return { child, output: () => out, exited };
  }

  async function startAgent(): Promise<RunningAgent> {
    const agent = spawnAgent();
    await until(() => agent.output().includes('agent running for model'), 'the agent to start', agent);
    return agent;
  }

  /** A copy of the `timed` charm with `files` (sleep-<hook>, fail-<hook>) in it. */
  function timedCharm(files: Record<string, string> = {}): string {
    const charm = join(dir, `timed-${Object.keys(files).join('-') || 'plain'}`);
    cpSync(join(CHARMS, 'timed'), charm, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(charm, name), content);
    return charm;
  }

  function unitDir(unit: string): string {
    return join(model, 'units', unit.replace('/', '-'), 'charm');
  }

  function runs(unit: string): HookRun[] {
    const file = join(unitDir(unit), 'hooks.log');
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((line) => {
        const [hook, name, start, end, outcome] = line.split('|') as [string, string, string, string, string];
        return {
          hook,
          unit: name,
          start: Number(BigInt(start) / 1000n) / 1000,
          end: Number(BigInt(end) / 1000n) / 1000,
          outcome,
        };
      });
  }

  async function until(check: () => boolean, what: string, agent?: RunningAgent, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}${agent ? `\nagent output:\n${agent.output()}` : ''}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function unitStatus(unit: string): Promise<{ workload: string; message: string }> {
    const json = JSON.parse((await rxcharm('status', '--format', 'json')).stdout);
    return json.applications[unit.split('/')[0]!].units[unit];
  }

  beforeAll(async () => {
    await buildCliBundle(bundle);
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rxcharm-running-agent-'));
    model = join(dir, 'model');
  });
  afterEach(async () => {
    for (const child of started.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes the CLI’s hooks, runs update-status on its timer, and shows and sets model-config', async () => {
    const agent = await startAgent();
    const shown = await rxcharm('model-config');
    expect(shown).toMatchObject({ code: 0 });
    expect(shown.stdout).toMatch(
      /^Attribute\s+From\s+Value\nautomatically-retry-hooks\s+default\s+true\nupdate-status-hook-interval\s+default\s+5m\n$/,
    );
    const bad = await rxcharm('model-config', 'update-status-hook-interval=soon', 'colour=red');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('ERROR invalid model config:\n  update-status-hook-interval: invalid duration "soon"');
    expect(bad.stderr).toContain('colour: unknown setting');
    expect((await rxcharm('model-config', 'update-status-hook-interval')).stdout).toBe('5m\n');
    expect(await rxcharm('model-config', 'update-status-hook-interval=1s')).toMatchObject({
      code: 0,
      stdout: 'changed update-status-hook-interval\n',
    });
    expect((await rxcharm('model-config')).stdout).toMatch(/update-status-hook-interval\s+model\s+1s/);

    const deploy = await rxcharm('deploy', timedCharm(), '-n', '2');
    expect(deploy.code).toBe(0);
    expect(deploy.stdout).toMatch(/timed\/0: install \.\.\. ok/);
    expect(deploy.stdout).toContain('deployed timed (timed/0, timed/1)');
    // The hooks ran in the agent: it printed them too.
    expect(agent.output()).toMatch(/timed\/1: start \.\.\. ok/);
    expect(
      runs('timed/0')
        .slice(0, 4)
        .map((r) => r.hook),
    ).toEqual(['install', 'leader-elected', 'config-changed', 'start']);
    const bad2 = await rxcharm('remove-unit', 'timed/7');
    expect(bad2.code).toBe(1);
    expect(bad2.stderr).toContain('ERROR unit not found: timed/7');

    await until(
      () => ['timed/0', 'timed/1'].every((u) => runs(u).filter((r) => r.hook === 'update-status').length >= 2),
      'two update-status runs on each unit',
      agent,
    );
    for (const unit of ['timed/0', 'timed/1']) {
      const hooks = runs(unit);
      const firstTimer = hooks.findIndex((r) => r.hook === 'update-status');
      expect(hooks.slice(0, firstTimer).map((r) => r.hook)).toEqual([
        'install',
        expect.stringMatching(/^leader-(elected|settings-changed)$/),
        'config-changed',
        'start',
      ]);
    }
    const wait = await rxcharm('wait');
    expect(wait.code).toBe(0);
    expect(wait.stdout).toMatch(/all queues empty\n$/);
    const action = await rxcharm('run-action', 'timed/1', 'echo', 'text=hi');
    expect(action).toMatchObject({ code: 0, stdout: 'out: hi\nreturn-code: 0\n' });
    const unknown = await rxcharm('run-action', 'timed/1', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('ERROR action not found: timed:nope\nactions: echo');
  });

  it('runs one hook at a time per unit and different units at the same time', async () => {
    const agent = await startAgent();
    const deploy = await rxcharm('deploy', timedCharm({ 'sleep-all': '0.3' }), '-n', '3');
    expect(deploy.code).toBe(0);
    const all = ['timed/0', 'timed/1', 'timed/2'].map((u) => runs(u));
    for (const hooks of all) {
      expect(hooks.map((r) => r.hook)).toEqual([
        'install',
        expect.stringMatching(/^leader-/),
        'config-changed',
        'start',
      ]);
      for (let i = 1; i < hooks.length; i++) expect(hooks[i]!.start).toBeGreaterThanOrEqual(hooks[i - 1]!.end);
    }
    const overlaps = (a: HookRun, b: HookRun) => a.start < b.end && b.start < a.end;
    const [zero, one, two] = all as [HookRun[], HookRun[], HookRun[]];
    const crossUnit = zero.some((a) => one.some((b) => overlaps(a, b)) || two.some((b) => overlaps(a, b)));
    expect(crossUnit).toBe(true);
    expect(agent.output()).toContain('timed/2: start ... ok');
  });

  it('retries a failed hook with growing gaps until it succeeds, showing the error meanwhile', async () => {
    const agent = await startAgent();
    await rxcharm('deploy', timedCharm({ 'fail-start': '' }));
    const starts = () => runs('timed/0').filter((r) => r.hook === 'start');
    await until(() => starts().length >= 4, 'four start attempts', agent);
    expect(await unitStatus('timed/0')).toMatchObject({ workload: 'error', message: 'hook failed: "start"' });
    rmSync(join(unitDir('timed/0'), 'fail-start'));
    await until(() => starts().some((r) => r.outcome === 'ok'), 'a successful start', agent);
    const attempts = starts();
    expect(attempts.map((r) => r.outcome).slice(0, 4)).toEqual(['failed', 'failed', 'failed', 'failed']);
    const gaps = attempts.slice(1).map((r, i) => r.start - attempts[i]!.end);
    expect(gaps[1]!).toBeGreaterThan(gaps[0]!);
    expect(gaps[2]!).toBeGreaterThan(gaps[1]!);
    expect(agent.output()).toMatch(
      /timed\/0: retrying "start" in 300ms \(attempt 1\)\n[^]*retrying "start" in 600ms \(attempt 2\)/,
    );
    expect(await unitStatus('timed/0')).toMatchObject({ workload: 'active', message: 'ready' });
  });

  it('starts the back-off over after resolve, and does not retry with automatically-retry-hooks=false', async () => {
    const agent = await startAgent();
    await rxcharm('deploy', timedCharm({ 'fail-start': '' }));
    const starts = () => runs('timed/0').filter((r) => r.hook === 'start');
    await until(() => agent.output().includes('(attempt 3)'), 'the third retry to be scheduled', agent);
    // resolve runs the hook at once (it fails again) and the back-off starts over at the base.
    const resolved = await rxcharm('resolve', 'timed/0');
    expect(resolved.code).toBe(0);
    expect(resolved.stdout).toContain('timed/0: start ... failed');
    expect(resolved.stderr).toContain('WARNING timed/0 is in error: hook failed: "start"');
    const attemptOne = () =>
      agent
        .output()
        .split('\n')
        .filter((l) => l.includes('retrying "start" in 300ms (attempt 1)')).length;
    await until(() => attemptOne() === 2, 'a fresh back-off', agent);

    // With retries off no timer is pending, and only resolve runs the hook again.
    expect(await rxcharm('model-config', 'automatically-retry-hooks=false')).toMatchObject({ code: 0 });
    const before = starts().length;
    const scheduled = agent.output().split('retrying').length;
    const again = await rxcharm('resolve', 'timed/0');
    expect(again.stdout).toContain('timed/0: start ... failed');
    expect(starts()).toHaveLength(before + 1);
    // Several base delays: a retry would have run by then.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(starts()).toHaveLength(before + 1);
    expect(agent.output().split('retrying').length).toBe(scheduled);
    expect(await unitStatus('timed/0')).toMatchObject({ workload: 'error', message: 'hook failed: "start"' });
  });

  it('refuses a second agent, takes over a stale lock, and stops cleanly on SIGTERM', async () => {
    await rxcharm('deploy', timedCharm());
    // A lock left by a dead process is taken over.
    writeFileSync(join(model, 'agent.pid'), '4194000\n');
    const agent = await startAgent();
    const second = spawnAgent();
    const refused = await second.exited;
    expect(refused.code).toBe(1);
    expect(second.output()).toContain(`ERROR an agent is already running for model ${model} (pid ${agent.child.pid})`);
    expect(readFileSync(join(model, 'agent.pid'), 'utf8')).toBe(`${agent.child.pid}\n`);

    // SIGTERM while a hook runs: it finishes, nothing else starts, the model is saved.
    writeFileSync(join(unitDir('timed/0'), 'sleep-update-status'), '1');
    const pending = rxcharm('update-status');
    await until(() => existsSync(join(unitDir('timed/0'), 'running-update-status')), 'update-status to start', agent);
    agent.child.kill('SIGTERM');
    const exit = await agent.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(agent.output()).toContain('stopped');
    expect(runs('timed/0').filter((r) => r.hook === 'update-status')).toMatchObject([{ outcome: 'ok' }]);
    const answered = await pending;
    expect(answered.code).toBe(0);
    expect(answered.stdout).toMatch(/timed\/0: update-status \.\.\. ok/);
    for (const file of ['agent.pid', 'agent-control.sock', 'agent.sock'])
      expect(existsSync(join(model, file))).toBe(false);
    const saved = JSON.parse(readFileSync(join(model, 'model.json'), 'utf8'));
    expect(saved.applications.timed.units['timed/0'].queue).toEqual([]);

    // Without an agent (a pid file naming a dead process counts as none), commands run hooks themselves again.
    rmSync(join(unitDir('timed/0'), 'sleep-update-status'));
    writeFileSync(join(model, 'agent.pid'), '4194000\n');
    const direct = await rxcharm('update-status');
    expect(direct).toMatchObject({ code: 0 });
    expect(direct.stdout).toMatch(/timed\/0: update-status \.\.\. ok/);
  });
});
