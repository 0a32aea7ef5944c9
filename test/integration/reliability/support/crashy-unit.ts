/**
 * Test harness for the reliability suite: builds the crashy test charm
 * (test/fixtures/reliability/layers/crashy) with the real builder and runs its hooks as real
 * processes under the fake hook tools, optionally SIGKILLing them at a chosen instant.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCharm, findPackageRoot } from '../../../../framework/build';
import { FakeJuju, type FakeHookRelation, type FakeModel } from '../../../fixtures/fake-juju';

export const ROOT = findPackageRoot(__dirname);
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'reliability');
/** The preload that prints phase markers and can kill the hook at a commit step. */
export const KILL_POINTS = join(FIXTURES, 'kill-points.cjs');
/** Label value on everything the reliability tests create in Docker. */
export const RELIABILITY_LABEL = 'reliability';

/** Builds the crashy charm into `<dir>/crashy` and returns that directory. */
export async function buildCrashy(dir: string): Promise<string> {
  const outputDir = join(dir, 'crashy');
  await buildCharm({
    layerDir: join(FIXTURES, 'layers', 'crashy'),
    searchPath: { layers: [join(ROOT, 'layers'), join(FIXTURES, 'layers')], interfaces: [join(ROOT, 'interfaces')] },
    outputDir,
    packageRoot: ROOT,
  });
  return outputDir;
}

/** When to SIGKILL a hook. */
export type KillPlan =
  /** `delayMs` after the process was spawned. */
  | { readonly kind: 'timed'; readonly delayMs: number }
  /** `delayMs` after the `nth` marker line matching `marker` appeared on stderr. */
  | { readonly kind: 'after-marker'; readonly marker: RegExp; readonly nth: number; readonly delayMs: number }
  /** From inside, right before commit step `step` (see kill-points.cjs), or mid-write (`torn`). */
  | { readonly kind: 'commit-step'; readonly step: number | 'torn' };

/** What one hook process did. */
export interface HookRun {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  /** The `@@rel` marker lines, in order (without the prefix). */
  readonly markers: readonly string[];
}

/** Default config of the crashy charm, with Docker reached as a "remote" host (never installed or started). */
export const CRASHY_DEFAULTS: FakeModel['config'] = {
  compose: false,
  project: 'crashy',
  test_label: RELIABILITY_LABEL,
  image: 'rxcharm-test/busybox:latest',
  web_exits: false,
  port: 8080,
  kv_keys: 40,
  motd: 'hello',
  api_password: '',
  fixed_generation: '',
  settle_checks: 0,
  docker_host: 'unix:///var/run/docker.sock',
  install_docker: false,
};

/** One unit of the crashy charm: its own copy of the built charm and a fake Juju around it. */
export class CrashyUnit {
  private constructor(
    readonly charmDir: string,
    readonly juju: FakeJuju,
    private readonly root: string,
  ) {}

  static create(builtDir: string, config: FakeModel['config'] = {}, unit = 'crashy/0'): CrashyUnit {
    const root = mkdtempSync(join(tmpdir(), 'rxcharm-reliability-'));
    const charmDir = join(root, 'charm');
    cpSync(builtDir, charmDir, { recursive: true });
    const juju = FakeJuju.create({
      charmDir,
      unit,
      config: { ...CRASHY_DEFAULTS, ...config },
      dir: join(root, 'juju'),
    });
    return new CrashyUnit(charmDir, juju, root);
  }

  get stateFile(): string {
    return join(this.charmDir, '.rxcharm', 'unit-state.json');
  }

  get lockDir(): string {
    return join(this.charmDir, '.rxcharm', 'unit.lock');
  }

  /** Exact bytes of the unit state file ('' when absent). */
  stateBytes(): string {
    return existsSync(this.stateFile) ? readFileSync(this.stateFile, 'utf8') : '';
  }

  /** Puts `bytes` back as the state file (atomically), as if the hook had never run. */
  rewindState(bytes: string): void {
    if (bytes === '') {
      rmSync(this.stateFile, { force: true });
      return;
    }
    const tmp = `${this.stateFile}.rewind`;
    writeFileSync(tmp, bytes, { mode: 0o600 });
    renameSync(tmp, this.stateFile);
  }

  /**
   * A killed hook leaves its lock directory behind; rxcharm reclaims it once it is stale (5 s
   * without a refresh). Instead of sleeping, age it: the next hook then takes the real stale-lock
   * path. Returns whether a lock was left.
   */
  ageLeftLock(): boolean {
    if (!existsSync(this.lockDir)) return false;
    const past = new Date(Date.now() - 60_000);
    utimesSync(this.lockDir, past, past);
    return true;
  }

  /**
   * Runs one hook as `node --require kill-points.cjs lib/charm.js` with Juju's environment.
   * Relation data and ports the hook wrote are committed only on exit 0 (as Juju does).
   */
  async run(
    hook: string,
    options: {
      kill?: KillPlan;
      relation?: FakeHookRelation;
      env?: Record<string, string>;
      onMarker?: (marker: string) => void;
    } = {},
  ): Promise<HookRun> {
    this.juju.update((m) => {
      m.pending = { relations: {}, ports: [] };
    });
    const kill = options.kill;
    // warn: compose progress lines at info would each cost a juju-log call.
    const extra: Record<string, string> = { RXCHARM_LOG_LEVEL: 'warn', ...(options.env ?? {}) };
    if (kill?.kind === 'commit-step') extra.RELIABILITY_KILL_AT = String(kill.step);
    const env = this.juju.env(hook, { relation: options.relation, extra });
    const child = spawn(process.execPath, ['--require', KILL_POINTS, join(this.charmDir, 'lib', 'charm.js')], {
      cwd: this.charmDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let pending = '';
    const markers: string[] = [];
    let matched = 0;
    let timer: NodeJS.Timeout | undefined;
    const sigkill = (): void => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    if (kill?.kind === 'timed') timer = setTimeout(sigkill, kill.delayMs);
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('@@rel ')) continue;
        const marker = line.slice(6);
        markers.push(marker);
        options.onMarker?.(marker);
        if (
          kill?.kind === 'after-marker' &&
          timer === undefined &&
          kill.marker.test(marker) &&
          ++matched === kill.nth
        ) {
          timer = setTimeout(sigkill, kill.delayMs);
        }
      }
    });
    const { exitCode, signal } = await new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>(
      (resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code, sig) => resolve({ exitCode: code, signal: sig }));
      },
    );
    if (timer !== undefined) clearTimeout(timer);
    await this.waitForOrphanTools();
    this.juju.update((m) => {
      if (exitCode === 0) {
        for (const [rid, bags] of Object.entries(m.pending.relations)) {
          const rel = m.relations.find((r) => `${r.endpoint}:${r.id}` === rid);
          if (rel === undefined) continue;
          if (bags.unit !== null) rel.local.unit = bags.unit;
          if (bags.app !== null) rel.local.app = bags.app;
        }
        const ports = new Set(m.ports);
        for (const p of m.pending.ports)
          if (p.op === 'open') ports.add(p.spec);
          else ports.delete(p.spec);
        m.ports = [...ports].sort();
      }
      m.pending = { relations: {}, ports: [] };
    });
    return { exitCode, signal, stderr, markers };
  }

  /** A hook tool started by a killed hook finishes on its own; wait until it released the model. */
  private async waitForOrphanTools(): Promise<void> {
    const lock = `${this.juju.modelFile}.lock`;
    for (let i = 0; i < 400 && existsSync(lock); i++) await new Promise((r) => setTimeout(r, 5));
  }

  dispose(): void {
    this.juju.dispose();
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** mulberry32: a small seeded PRNG, so every kill instant is reproducible from the seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
