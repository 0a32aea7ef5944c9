import { useProbeCharm, lastFlags, state, stateBytes } from './probe-charm';

jest.setTimeout(90_000);

const probe = useProbeCharm();

const dbFlags = (flags: string[]): string[] => flags.filter((f) => f.startsWith('endpoint.db.') || f.startsWith('db.'));

test('joined → changed field → second probe.unit → departed → broken, with the endpoint flags at each step', async () => {
  const { juju, charmDir } = probe.unit;
  const hook = async (
    name: string,
    relation?: { relationId: string; remoteUnit?: string; departingUnit?: string },
  ): Promise<string[]> => {
    const r = await juju.runHook(name, { command: probe.command, relation });
    expect({ name, exitCode: r.exitCode, stderr: r.exitCode === 0 ? '' : r.stderr }).toEqual({
      name,
      exitCode: 0,
      stderr: '',
    });
    return dbFlags(lastFlags(charmDir));
  };

  expect(await hook('install')).toEqual([]);

  const rel = juju.addRelation('db', 'kv');
  expect(await hook('db-relation-created', { relationId: rel })).toEqual([]);

  // A probe.unit joins with an empty bag: joined, nothing changed yet.
  juju.addRemoteUnit(rel, 'kv/0');
  expect(await hook('db-relation-joined', { relationId: rel, remoteUnit: 'kv/0' })).toEqual(['endpoint.db.joined']);
  expect(state(charmDir).kv['joined.count']).toBe(1);

  // It publishes a field: changed + changed.<field>; the interface sets db.available in the same
  // hook, and the charm's handler gets the endpoint instance as its argument and publishes back.
  juju.setRemoteData(rel, 'kv/0', { host: '10.0.0.5' });
  expect(await hook('db-relation-changed', { relationId: rel, remoteUnit: 'kv/0' })).toEqual([
    'db.available',
    'endpoint.db.changed',
    'endpoint.db.changed.host',
    'endpoint.db.joined',
  ]);
  expect(state(charmDir).kv['db.host']).toBe('10.0.0.5');
  expect(juju.published(rel)).toEqual({ client: '"probe/0"' });
  // changed flags are hook-scoped: not stored.
  expect(state(charmDir).flags).toEqual(['db.available', 'endpoint.db.joined']);

  // The same data again: no change.
  expect(await hook('db-relation-changed', { relationId: rel, remoteUnit: 'kv/0' })).toEqual([
    'db.available',
    'endpoint.db.joined',
  ]);

  // A second probe.unit joins with data: its keys count as changed.
  juju.addRemoteUnit(rel, 'kv/1', { host: '10.0.0.6', extra: 'x' });
  expect(await hook('db-relation-joined', { relationId: rel, remoteUnit: 'kv/1' })).toEqual([
    'db.available',
    'endpoint.db.changed',
    'endpoint.db.changed.extra',
    'endpoint.db.changed.host',
    'endpoint.db.joined',
  ]);
  expect(state(charmDir).kv['joined.count']).toBe(2);

  // A field is removed: that is a change too.
  juju.setRemoteData(rel, 'kv/1', { host: '10.0.0.6' });
  expect(await hook('db-relation-changed', { relationId: rel, remoteUnit: 'kv/1' })).toEqual([
    'db.available',
    'endpoint.db.changed',
    'endpoint.db.changed.extra',
    'endpoint.db.joined',
  ]);

  // kv/1 departs: departed set, still joined (kv/0 remains); the handler sees who left.
  juju.removeRemoteUnit(rel, 'kv/1');
  expect(await hook('db-relation-departed', { relationId: rel, remoteUnit: 'kv/1', departingUnit: 'kv/1' })).toEqual([
    'db.available',
    'endpoint.db.departed',
    'endpoint.db.joined',
  ]);
  expect(state(charmDir).kv.departed).toEqual(['kv/1']);

  // departed is cleared by the next hook.
  expect(await hook('update-status')).toEqual(['db.available', 'endpoint.db.joined']);

  // The last probe.unit departs: joined goes, and the interface clears db.available.
  juju.removeRemoteUnit(rel, 'kv/0');
  expect(await hook('db-relation-departed', { relationId: rel, remoteUnit: 'kv/0', departingUnit: 'kv/0' })).toEqual([
    'endpoint.db.departed',
  ]);
  expect(state(charmDir).flags.filter((f) => f.startsWith('db.'))).toEqual([]);

  juju.breakRelation(rel);
  expect(await hook('db-relation-broken', { relationId: rel })).toEqual([]);
  expect(state(charmDir).kv.broken).toBe(true);
  juju.removeRelation(rel);
  expect(await hook('update-status')).toEqual([]);
});

test('relation data is published only when the hook succeeds', async () => {
  const { juju, charmDir } = probe.unit;
  await juju.runHook('install', { command: probe.command });
  const rel = juju.addRelation('db', 'kv');
  juju.addRemoteUnit(rel, 'kv/0', { host: '10.0.0.5' });
  juju.setConfig({ fail: 'useDb' });
  const before = stateBytes(charmDir);
  const failed = await juju.runHook('db-relation-joined', {
    command: probe.command,
    relation: { relationId: rel, remoteUnit: 'kv/0' },
  });
  expect(failed.exitCode).toBe(1);
  expect(failed.stderr).toContain('handler probe:reactive/probe.ts:Probe.useDb failed');
  // The handler staged data, but no relation-set was sent and nothing was committed.
  expect(failed.calls.map((c) => c.tool)).not.toContain('relation-set');
  expect(juju.published(rel)).toEqual({});
  expect(stateBytes(charmDir)).toBe(before);

  juju.setConfig({ fail: '' });
  const ok = await juju.runHook('db-relation-joined', {
    command: probe.command,
    relation: { relationId: rel, remoteUnit: 'kv/0' },
  });
  expect(ok.exitCode).toBe(0);
  const set = ok.calls.filter((c) => c.tool === 'relation-set');
  expect(set).toHaveLength(1);
  expect(set[0]?.args).toEqual(['-r', rel, '--file', '-']);
  expect(JSON.parse(set[0]?.stdin ?? '')).toEqual({ client: '"probe/0"' });
  expect(juju.published(rel)).toEqual({ client: '"probe/0"' });
  // The failed hook did not consume the change: the retry saw host as changed.
  expect(lastFlags(charmDir)).toContain('endpoint.db.changed.host');
});
