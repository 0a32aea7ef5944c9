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
