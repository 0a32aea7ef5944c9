import { useProbeCharm, lastFlags, observed, state, stateBytes } from './probe-charm';

jest.setTimeout(60_000);

// Real hook processes (node on the bundled probe charm) against the fake hook tools; no Docker.
const probe = useProbeCharm();

const changedFlags = (flags: string[]): string[] => flags.filter((f) => f.startsWith('config.changed'));

test('config flags over several hooks, including a failed one that does not eat the change', async () => {
  const { juju, charmDir } = probe.unit;

  // First hook: everything counts as changed; set/default flags follow the values.
  const install = await juju.runHook('install', { command: probe.command });
  expect(install.exitCode).toBe(0);
  expect(changedFlags(lastFlags(charmDir))).toEqual([
    'config.changed',
    'config.changed.db-password',
    'config.changed.debug',
    'config.changed.fail',
    'config.changed.name',
    'config.changed.port',
    'config.changed.ratio',
  ]);
  expect(lastFlags(charmDir)).toEqual(
    expect.arrayContaining(['config.set.port', 'config.default.port', 'config.default.debug']),
  );
  expect(lastFlags(charmDir)).not.toContain('config.set.debug');
  expect(juju.ports()).toEqual(['8080/tcp']);
  // Config flags are hook-scoped: nothing of them is stored.
  expect(state(charmDir).flags.filter((f) => f.startsWith('config.'))).toEqual([]);
  expect(state(charmDir).config).toMatchObject({ port: 8080 });

  // Nothing changed: no config.changed flags.
  expect((await juju.runHook('update-status', { command: probe.command })).exitCode).toBe(0);
  expect(changedFlags(lastFlags(charmDir))).toEqual([]);

  // port changes and a handler fails: exit 1, store byte-for-byte unchanged, ports not committed.
  juju.setConfig({ port: 9090, fail: 'openPort' });
  const before = stateBytes(charmDir);
  const failed = await juju.runHook('config-changed', { command: probe.command });
  expect(failed.exitCode).toBe(1);
  expect(failed.stderr).toMatch(
    /rxcharm: config-changed failed: handler probe:reactive\/probe\.ts:Probe\.openPort failed: openPort exploded/,
  );
  expect(stateBytes(charmDir)).toBe(before);
  expect(juju.ports()).toEqual(['8080/tcp']);

  // Fixed: the retry still sees port as changed (against the last *successful* hook).
  juju.setConfig({ fail: '' });
  const retry = await juju.runHook('config-changed', { command: probe.command });
  expect(retry.exitCode).toBe(0);
  expect(changedFlags(lastFlags(charmDir))).toEqual(['config.changed', 'config.changed.port']);
  expect(lastFlags(charmDir)).not.toContain('config.default.port');
  expect(juju.ports()).toEqual(['9090/tcp']);
  expect(state(charmDir).config).toMatchObject({ port: 9090, fail: '' });

  // And once committed, the change is gone.
  await juju.runHook('update-status', { command: probe.command });
  expect(changedFlags(lastFlags(charmDir))).toEqual([]);
  // The failed hook threw before the observer ran (a module's exports register in name order:
  // `Probe` before `observe`), so it left no record.
  expect(observed(charmDir).map((o) => o.hook)).toEqual([
    'install',
    'update-status',
    'config-changed',
    'update-status',
  ]);
});

test('an action dispatches to its @action handler and reports results', async () => {
  const { juju } = probe.unit;
  await juju.runHook('install', { command: probe.command });
  const r = await juju.runHook('hello', { command: probe.command, params: { who: 'juju' } });
  expect(r.exitCode).toBe(0);
  expect(juju.model().action).toEqual({
    params: { who: 'juju' },
    results: { greeting: 'hello juju', port: '8080' },
    failed: null,
  });
});

test('an action without a handler fails clearly and marks the action failed', async () => {
  const { juju, charmDir } = probe.unit;
  await juju.runHook('install', { command: probe.command });
  const before = stateBytes(charmDir);
  const r = await juju.runHook('nope', { command: probe.command, params: {} });
  expect(r.exitCode).toBe(1);
  expect(r.stderr).toContain("action not implemented: nope (no @action('nope') handler is registered)");
  expect(juju.model().action.failed).toContain('action not implemented: nope');
  expect(stateBytes(charmDir)).toBe(before);
});
