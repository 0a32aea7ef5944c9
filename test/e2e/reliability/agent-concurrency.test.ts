/**
 * Concurrency on the local agent (issue 9, item 4), as a careless user would do it: 20 CLI
 * processes at once that fight over the same relation (relate and unrelate of the same pair) and
 * the same option, plus one command SIGKILLed while its hooks run. Checks: every command either
 * applied or was refused with a clear error, the applied relation changes strictly alternate
 * (they were serialized), no change is lost (each applied command left its hooks in the units'
 * logs, in Juju's order), and the final model agrees with the last applied change.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildCliBundle } from '../../support/cli-bundle';

jest.setTimeout(300_000);

const exec = promisify(execFile);
const root = resolve(__dirname, '../../..');
const CHARMS = join(root, 'test', 'fixtures', 'agent-charms');
// A private CLI bundle (as test/e2e/agent/cli.test.ts does), so a shared dist/ rebuild cannot race us.
const bundle = join(root, 'node_modules/.cache/rxcharm-reliability-e2e/rxcharm.js');

interface Run {
  readonly args: readonly string[];
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let dir: string;
let model: string;

async function rxcharm(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bundle, ...args], {
      env: { ...process.env, RXCHARM_MODEL: model, RXCHARM_UNIT_ADDRESS: '10.9.8.7' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { args, code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { args, code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Hook names (with remote unit) of a unit's hooks.log, for one relation endpoint. */
function allRelationHooks(unit: string, endpoint: string): string[] {
  return readFileSync(join(model, 'units', unit, 'charm', 'hooks.log'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith(`${endpoint}-relation-`))
    .map((l) => {
      const [hook, remote] = l.split('|');
      return `${hook}${remote ? ` ${remote}` : ''}`;
    });
}

/**
 * The unit-level relation hooks. A change of the remote application's bag wakes
 * `-relation-changed` with no remote unit (Juju 3.6); those are checked apart by
 * {@link expectAppChangesWhileRelated}.
 */
function relationHooks(unit: string, endpoint: string): string[] {
  return allRelationHooks(unit, endpoint).filter((h) => h !== `${endpoint}-relation-changed`);
}

/** Every application-bag changed hook comes while the relation exists: after created, before broken. */
function expectAppChangesWhileRelated(unit: string, endpoint: string): void {
  let related = false;
  for (const h of allRelationHooks(unit, endpoint)) {
    if (h === `${endpoint}-relation-created`) related = true;
    else if (h === `${endpoint}-relation-broken`) related = false;
    else if (h === `${endpoint}-relation-changed`)
      expect({ unit, hook: h, related }).toEqual({ unit, hook: h, related: true });
  }
}

function configHooks(unit: string): number {
  return readFileSync(join(model, 'units', unit, 'charm', 'hooks.log'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('config-changed|')).length;
}

/**
 * Drops a line equal to the one before it. Repeated `-relation-changed` hooks are legitimate: each
 * config change of kv publishes new data, which wakes the remote unit again.
 */
function collapseRepeats(lines: readonly string[]): string[] {
  return lines.filter((l, i) => i === 0 || l !== lines[i - 1]);
}

/** One relate → unrelate cycle as a consumer unit sees it, for a provider with one unit. */
const CYCLE = [
  'db-relation-created',
  'db-relation-joined kv/0',
  'db-relation-changed kv/0',
  'db-relation-departed kv/0',
  'db-relation-broken',
];

beforeAll(async () => {
  await buildCliBundle(bundle);
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rxcharm-reliability-agent-'));
  model = join(dir, 'model');
  expect((await rxcharm('deploy', join(CHARMS, 'provider'), 'kv')).code).toBe(0);
  expect((await rxcharm('deploy', join(CHARMS, 'consumer'), 'app')).code).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('20 racing relate/unrelate/config commands: serialized, none lost, the model agrees', async () => {
  const commands: string[][] = [];
  for (let i = 0; i < 20; i++) {
    if (i % 3 === 0) commands.push(['relate', 'app:db', 'kv:db']);
    else if (i % 3 === 1) commands.push(['unrelate', 'app:db', 'kv:db']);
    else commands.push(['config', 'kv', `greeting=g${i}`]);
  }
  const runs = await Promise.all(commands.map((args) => rxcharm(...args)));

  // Every command applied (exit 0) or was refused with a one-line ERROR naming why.
  for (const r of runs) {
    if (r.code !== 0) {
      expect({ args: r.args, code: r.code }).toEqual({ args: r.args, code: 1 });
      expect(r.stderr).toMatch(
        /^ERROR (relation already exists|relation not found|no relation)|^ERROR .*(already|not) related/im,
      );
    }
  }
  const ok = (verb: string): number => runs.filter((r) => r.args[0] === verb && r.code === 0).length;
  const related = ok('relate');
  const unrelated = ok('unrelate');
  expect(related).toBeGreaterThan(0);
  // Serialized: applied relates and unrelates alternate, starting with a relate.
  expect(related - unrelated === 0 || related - unrelated === 1).toBe(true);

  // None lost: each applied relate/unrelate left exactly one full cycle on both sides, in order.
  const expected = Array.from({ length: related }, () => CYCLE)
    .flat()
    .slice(0, related * 3 + unrelated * 2);
  expect(collapseRepeats(relationHooks('app-0', 'db'))).toEqual(expected);
  expectAppChangesWhileRelated('app-0', 'db');
  expectAppChangesWhileRelated('kv-0', 'db');
  expect(collapseRepeats(relationHooks('kv-0', 'db'))).toEqual(expected.map((h) => h.replace('kv/0', 'app/0')));
  // Only changed hooks repeat, one per data change kv committed while app's changed hook was
  // queued or running: a config change of kv while related, or kv's first publication in its
  // joined hook racing app's automatic changed (a commit during a running changed queues another,
  // so the newer data is never missed).
  const repeats = relationHooks('app-0', 'db').length - collapseRepeats(relationHooks('app-0', 'db')).length;
  expect(repeats).toBeLessThanOrEqual(ok('config') + related);
  // Every config change ran config-changed once (deploy ran the first).
  expect(configHooks('kv-0')).toBe(1 + ok('config'));

  // The final model agrees with the last applied change.
  const status = JSON.parse((await rxcharm('status', '--format', 'json')).stdout) as {
    relations: Array<{ type: string; requirer?: string }>;
  };
  const regular = status.relations.filter((r) => r.type === 'regular');
  expect(regular).toHaveLength(related - unrelated);
  const config = JSON.parse((await rxcharm('config', 'kv', '--format', 'json')).stdout) as { greeting: string };
  expect(commands.filter((c) => c[0] === 'config').map((c) => c[2])).toContain(`greeting=${config.greeting}`);
  expect((await rxcharm('wait', '--timeout', '60s')).code).toBe(0);
});

test('a command SIGKILLed while its hooks run loses nothing: the next command runs the queued hooks, in order', async () => {
  const child = spawn(process.execPath, [bundle, 'relate', 'app:db', 'kv:db'], {
    env: { ...process.env, RXCHARM_MODEL: model, RXCHARM_UNIT_ADDRESS: '10.9.8.7' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kill it as soon as the first hook of the relation finished.
  await new Promise<void>((resolveKill) => {
    child.stdout.on('data', (b: Buffer) => {
      if (b.toString().includes('relation-created')) {
        child.kill('SIGKILL');
        resolveKill();
      }
    });
    child.on('close', () => resolveKill());
  });
  await new Promise((r) => child.on('close', r));
  // A concurrent burst while the queue is half done.
  const burst = await Promise.all([
    rxcharm('wait', '--timeout', '60s'),
    rxcharm('config', 'kv', 'greeting=after-kill'),
    rxcharm('update-status'),
  ]);
  expect(burst.map((r) => r.code)).toEqual([0, 0, 0]);
  expect((await rxcharm('wait', '--timeout', '60s')).code).toBe(0);
  // The hook that was running when the command died runs again (at least once, as Juju re-runs a
  // hook its agent did not finish); every other hook runs exactly once, in order.
  const app = relationHooks('app-0', 'db');
  const kv = relationHooks('kv-0', 'db');
  expect(collapseRepeats(app)).toEqual(CYCLE.slice(0, 3));
  expect(collapseRepeats(kv)).toEqual(CYCLE.slice(0, 3).map((h) => h.replace('kv/0', 'app/0')));
  expectAppChangesWhileRelated('app-0', 'db');
  expectAppChangesWhileRelated('kv-0', 'db');
  // Extra hooks, all repeats of changed: the hook each side was running when the command died
  // (re-run: at most 2), kv's config change publishing new data (1), and each side's joined-hook
  // publication landing while the other's automatic changed was queued or running (at most 2).
  expect(app.length + kv.length - 6).toBeLessThanOrEqual(5);
  const status = JSON.parse((await rxcharm('status', '--format', 'json')).stdout) as {
    relations: Array<{ type: string }>;
  };
  expect(status.relations.filter((r) => r.type === 'regular')).toHaveLength(1);
});
