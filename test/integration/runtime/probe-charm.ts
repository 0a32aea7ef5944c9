import { build } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeJuju, type FakeModel } from '../../fixtures/fake-juju';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURE = join(__dirname, 'fixtures', 'probe');

/** Default config values of the probe charm (as `config-get --all` reports them). */
export const PROBE_CONFIG: FakeModel['config'] = {
  port: 8080,
  name: '',
  debug: false,
  ratio: 0.5,
  'db-password': '',
  fail: '',
};

/**
 * Bundles the probe charm's entry with esbuild (as `rxcharm build` does) into `dir/charm.js`;
 * returns the command that runs one hook.
 */
export async function buildProbe(dir: string): Promise<string[]> {
  const outfile = join(dir, 'charm.js');
  await build({
    entryPoints: [join(FIXTURE, 'src', 'entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    tsconfig: join(ROOT, 'tsconfig.json'),
    // dockerode's optional native helpers are loaded in try/catch; leave them out.
    external: ['*.node'],
    logLevel: 'error',
  });
  return [process.execPath, outfile];
}

/** A fresh unit of the probe charm: a charm dir copy and a fake Juju around it. */
export interface ProbeUnit {
  readonly charmDir: string;
  readonly juju: FakeJuju;
  dispose(): void;
}

export function makeProbeUnit(config: FakeModel['config'] = {}, options: { leader?: boolean } = {}): ProbeUnit {
  const charmDir = mkdtempSync(join(tmpdir(), 'rxcharm-probe-'));
  cpSync(join(FIXTURE, 'charm'), charmDir, { recursive: true });
  const juju = FakeJuju.create({
    charmDir,
    unit: 'probe/0',
    leader: options.leader ?? true,
    config: { ...PROBE_CONFIG, ...config },
  });
  return {
    charmDir,
    juju,
    dispose: () => {
      juju.dispose();
      rmSync(charmDir, { recursive: true, force: true });
    },
  };
}

/** The probe charm built once for a test file, and a fresh unit of it for each test. */
export interface ProbeCharm {
  /** The command that runs one hook (see {@link buildProbe}). */
  readonly command: string[];
  /** This test's unit, disposed after it. */
  readonly unit: ProbeUnit;
}

/**
 * Registers the set-up every probe test file needs: build the charm before all tests (removed
 * after them), and make a fresh unit with `config` before each test (disposed after it).
 */
export function useProbeCharm(config: FakeModel['config'] = {}): ProbeCharm {
  let buildDir = '';
  let command: string[] = [];
  let unit: ProbeUnit | undefined;
  beforeAll(async () => {
    buildDir = mkdtempSync(join(tmpdir(), 'rxcharm-probe-build-'));
    command = await buildProbe(buildDir);
  });
  afterAll(() => rmSync(buildDir, { recursive: true, force: true }));
  beforeEach(() => {
    unit = makeProbeUnit(config);
  });
  afterEach(() => unit?.dispose());
  return {
    get command() {
      return command;
    },
    get unit() {
      if (unit === undefined) throw new Error('useProbeCharm: the unit exists only inside a test');
      return unit;
    },
  };
}

/** Flags the probe saw at the start of each hook's reactive phase. */
export function observed(charmDir: string): Array<{ hook: string; flags: string[] }> {
  const file = join(charmDir, 'observed.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { hook: string; flags: string[] });
}

/** The flags observed by the last hook. */
export function lastFlags(charmDir: string): string[] {
  const all = observed(charmDir);
  return all[all.length - 1]?.flags ?? [];
}

/** The raw unit-state file (exact bytes, to prove a failed hook left it untouched). */
export function stateBytes(charmDir: string): string {
  const file = join(charmDir, '.rxcharm', 'unit-state.json');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

export function state(charmDir: string): {
  flags: string[];
  kv: Record<string, unknown>;
  config: Record<string, unknown> | null;
} {
  return JSON.parse(stateBytes(charmDir)) as {
    flags: string[];
    kv: Record<string, unknown>;
    config: Record<string, unknown> | null;
  };
}
