/** Exercises the contracts of docs/architecture.md (contracts.ts) on the real implementations. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Endpoint, KeyValueStore, NoActiveDispatchError } from 'rxcharm';
import { FlagSet, HandlerRegistry, MemoryUnitStore, runInDispatchContext } from 'rxcharm/testing';
import { MyCharm, buildApi, dispatcher, flagFunctions, h, interfacePackages, testingApi, unitFunctions } from './contracts';

const tmp = mkdtempSync(join(tmpdir(), 'rxcharm-docs-contracts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('flag functions act on the current dispatch, getFlags is sorted, and outside a dispatch they throw', () => {
  const flags = runInDispatchContext({ flags: new FlagSet(), kv: new KeyValueStore() }, () => {
    flagFunctions.setFlag('b');
    flagFunctions.setFlag('a');
    flagFunctions.toggleFlag('c');
    flagFunctions.registerTrigger({ when: 'd', clearFlag: 'a' });
    flagFunctions.setFlag('d');
    flagFunctions.clearFlag('b');
    return { list: flagFunctions.getFlags(), c: flagFunctions.isFlagSet('c') };
  });
  expect(flags).toEqual({ list: ['c', 'd'], c: true });
  expect(() => flagFunctions.getFlags()).toThrow(NoActiveDispatchError);
});

it('class handlers get stable ids and phases; defineHandler runs with every condition', async () => {
  const registry = new HandlerRegistry();
  const added = registry.addClass(MyCharm, { source: { layer: 'my-layer', file: 'reactive/my-charm.ts' }, instance: () => ({}) });
  expect(added.map((x) => [x.id, x.phase])).toEqual([
    ['my-layer:reactive/my-charm.ts:MyCharm.start', 'reactive'],
    ['my-layer:reactive/my-charm.ts:MyCharm.onRedis', 'hook'],
    ['my-layer:reactive/my-charm.ts:MyCharm.backup', 'hook'],
  ]);

  const only = new HandlerRegistry();
  only.addHandler(h);
  const kv = new KeyValueStore();
  const readFile = (path: string): Buffer | undefined => (path === '/etc/app.conf' ? Buffer.from('x') : undefined);
  const first = await new dispatcher({ registry: only, flags: new FlagSet(['a', 'c']), kv, readFile }).dispatch('install');
  expect(first.invoked).toEqual(['my-layer:start']);
  expect(first.flags).toEqual(['a', 'c', 'ran-with-0-args']);
  expect(Object.keys(first).sort()).toEqual(['flags', 'hook', 'invoked', 'iterations', 'trace']);
  // onlyOnce: the mark is in the kv now.
  const second = await new dispatcher({ registry: only, flags: new FlagSet(['a', 'c']), kv, readFile }).dispatch('install');
  expect(second.invoked).toEqual([]);
  expect(second.trace).toContainEqual(expect.objectContaining({ type: 'handler.tested', handler: 'my-layer:start', unmet: expect.arrayContaining(['onlyOnce']) }));
});

it('a unit transaction commits flags, kv and config in one save, under the unit lock', async () => {
  const store = new MemoryUnitStore();
  const result = await unitFunctions.withUnitLock(tmp, () => {
    const tx = unitFunctions.beginTransaction(store);
    tx.flags.set('installed');
    tx.kv.set('port', 80);
    tx.commit({ config: { port: 80 } });
    const discarded = unitFunctions.beginTransaction(store);
    discarded.flags.set('never');
    discarded.rollback();
    return 'done';
  }, { timeoutMs: 1_000 });
  expect(result).toBe('done');
  expect(store.load()).toEqual({ version: 1, flags: ['installed'], kv: { port: 80 }, config: { port: 80 } });
  expect(store.saves).toBe(1);
});

it('the shipped interfaces export Endpoint classes under the role names', () => {
  for (const [name, pkg] of Object.entries(interfacePackages)) {
    const roles = (['requires', 'provides', 'peers'] as const).filter((role) => pkg[role] !== undefined);
    expect({ name, roles }).toEqual({ name, roles: ['requires', 'provides'] });
    for (const role of roles) expect(pkg[role]?.prototype).toBeInstanceOf(Endpoint);
  }
});

it('the build API creates and proofs a layer through the contract', () => {
  const layer = buildApi.createLayer('contract-check', { dir: tmp });
  expect(existsSync(join(layer, 'layer.yaml'))).toBe(true);
  expect(buildApi.proofFiles(new Map([['metadata.yaml', 'name: x\n']]))).toContainEqual(expect.objectContaining({ severity: 'E', file: 'metadata.yaml' }));
});

it('the testing API builds frozen states and events', () => {
  const s = testingApi.state({ config: { port: 80 } });
  expect(Object.isFrozen(s)).toBe(true);
  expect(s.config).toEqual({ port: 80 });
  expect(testingApi.action('backup', { to: '/tmp' })).toEqual({ name: 'backup', kind: 'action', params: { to: '/tmp' } });
});
