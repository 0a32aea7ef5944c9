import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FAKE_TOOLS } from '../../test/fixtures/fake-juju/fake-juju';
import type { FakeModel } from '../../test/fixtures/fake-juju/fake-model';

/** A unit driven by the fake hook tools (test/fixtures/fake-juju), for whole-process timing. */
export interface FakeUnit {
  readonly dir: string;
  readonly modelFile: string;
  /** The hook environment of `hook` (Juju's variables, fake tools first on PATH). */
  env(hook: string): Record<string, string>;
  dispose(): void;
}

/**
 * Sets up a fake unit for `charmDir` with the tools linked to the fake multi-call executable
 * under `root` (the repo). Same model layout as `FakeJuju.create`, which the bench cannot use
 * directly: bundled, its `__dirname` no longer points at the fixture.
 */
export function createFakeUnit(
  root: string,
  charmDir: string,
  options: { unit: string; config: FakeModel['config'] },
): FakeUnit {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-bench-fake-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const script = join(root, 'test', 'fixtures', 'fake-juju', 'bin', 'fake-hook-tool.cjs');
  chmodSync(script, 0o755);
  for (const tool of FAKE_TOOLS) symlinkSync(script, join(bin, tool));
  const model: FakeModel = {
    unit: options.unit,
    leader: true,
    config: { ...options.config },
    relations: [],
    nextRelationId: 0,
    status: { status: 'unknown', message: '' },
    appStatus: { status: 'unknown', message: '' },
    statusHistory: [],
    ports: [],
    leaderData: {},
    workloadVersion: '',
    addresses: { 'private-address': '10.1.0.10', 'public-address': '192.0.2.10' },
    action: { params: {}, results: {}, failed: null },
    resources: {},
    pending: { relations: {}, ports: [] },
    calls: [],
    logs: [],
    failures: {},
  };
  const modelFile = join(dir, 'model.json');
  writeFileSync(modelFile, JSON.stringify(model));
  let counter = 0;
  return {
    dir,
    modelFile,
    env: (hook) => ({
      PATH: `${bin}:${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
      LANG: 'C.UTF-8',
      CHARM_DIR: charmDir,
      JUJU_CHARM_DIR: charmDir,
      JUJU_UNIT_NAME: options.unit,
      JUJU_MODEL_NAME: 'bench',
      JUJU_MODEL_UUID: '00000000-0000-4000-8000-000000000000',
      JUJU_VERSION: '3.6.4',
      JUJU_CONTEXT_ID: `${options.unit}-${hook}-${++counter}`,
      JUJU_AGENT_SOCKET_ADDRESS: join(dir, 'agent.socket'),
      JUJU_AGENT_SOCKET_NETWORK: 'unix',
      JUJU_HOOK_NAME: hook,
      JUJU_DISPATCH_PATH: `hooks/${hook}`,
      FAKE_JUJU_MODEL: modelFile,
    }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
