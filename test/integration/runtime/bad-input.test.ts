import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useProbeCharm, stateBytes } from './probe-charm';

jest.setTimeout(60_000);

const probe = useProbeCharm();
beforeEach(async () => {
  // A committed first hook, so "unchanged" means something.
  expect((await probe.unit.juju.runHook('install', { command: probe.command })).exitCode).toBe(0);
});

/** Runs a hook expected to fail; checks the store did not move and returns stderr. */
async function failing(name: string, relation?: { relationId: string; remoteUnit?: string }): Promise<string> {
  const before = stateBytes(probe.unit.charmDir);
  const r = await probe.unit.juju.runHook(name, { command: probe.command, relation });
  expect(r.exitCode).toBe(1);
  expect(stateBytes(probe.unit.charmDir)).toBe(before);
  return r.stderr;
}

test('an option config.yaml does not declare', async () => {
  probe.unit.juju.setConfig({ bogus: 'x' });
  expect(await failing('config-changed')).toContain(
    'config-changed failed: invalid config value: bogus: option not declared in config.yaml',
  );
});

test('a value of the wrong type names the key, the value and the declared type', async () => {
  probe.unit.juju.setConfig({ port: 'eighty' });
  expect(await failing('config-changed')).toContain(
    'invalid config value: port: expected an int, got "eighty" (config.yaml declares type int)',
  );
  probe.unit.juju.setConfig({ port: 80.5 });
  expect(await failing('config-changed')).toContain('invalid config value: port: expected an int, got 80.5');
});

test('malformed relation data (not a map of strings) names the tool, relation and unit', async () => {
  const rel = probe.unit.juju.addRelation('db', 'kv');
  probe.unit.juju.addRemoteUnit(rel, 'kv/0');
  probe.unit.juju.update((m) => {
    (m.relations[0] as unknown as { units: Record<string, unknown> }).units['kv/0'] = { host: { nested: true } };
  });
  const stderr = await failing('db-relation-changed', { relationId: rel, remoteUnit: 'kv/0' });
  expect(stderr).toContain(
    `hook tool returned malformed output: relation-get --format=json -r ${rel} - kv/0 (exit 0): relation data must be a map of strings`,
  );
});

test('a failing hook tool surfaces as a typed error naming the tool, its arguments and message', async () => {
  const rel = probe.unit.juju.addRelation('db', 'kv');
  probe.unit.juju.addRemoteUnit(rel, 'kv/0', { host: 'h' });
  probe.unit.juju.failTool('relation-list', 'connection to agent lost');
  const stderr = await failing('db-relation-changed', { relationId: rel, remoteUnit: 'kv/0' });
  expect(stderr).toContain(
    `failed: hook tool failed: relation-list --format=json -r ${rel} (exit 1): connection to agent lost`,
  );
  const record = stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .find((r) => r.level === 50);
  expect(record?.err).toMatchObject({
    type: 'HookToolError',
    code: 'HOOK_TOOL_FAILED',
    context: { tool: 'relation-list', exitCode: 1 },
  });
});

test('missing Juju variables are named, and nothing is touched', async () => {
  const env = probe.unit.juju.env('config-changed');
  delete env.JUJU_UNIT_NAME;
  delete env.JUJU_CHARM_DIR;
  delete env.CHARM_DIR;
  const before = stateBytes(probe.unit.charmDir);
  const [cmd, ...args] = probe.command as [string, ...string[]];
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(cmd, args, { cwd: probe.unit.charmDir, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('hook environment incomplete: missing JUJU_UNIT_NAME, JUJU_CHARM_DIR');
  expect(stateBytes(probe.unit.charmDir)).toBe(before);
});

test('malformed metadata.yaml is reported with its path', async () => {
  writeFileSync(join(probe.unit.charmDir, 'metadata.yaml'), 'name: probe\nrequires:\n  db: [oops\n');
  expect(await failing('update-status')).toMatch(/invalid charm file: .*metadata\.yaml/);
});
