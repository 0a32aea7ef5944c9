// Several hooks in a row through the real FileUnitStore: what a unit remembers between hooks,
// and what a failed hook leaves on disk (nothing).
import { readFileSync } from 'node:fs';
import { Dispatcher, HandlerError, HandlerRegistry, setFlag, type DispatchResult } from '../../../framework/reactive';
import { FileUnitStore, beginTransaction } from '../../../framework/unit';
import { useTempDir } from '../../support/temp-dir';

const tmp = useTempDir('rxcharm-lifecycle-');

/** Runs one hook the way the runtime does: begin, dispatch, commit or roll back. */
async function hook(registry: HandlerRegistry, name: string): Promise<DispatchResult | HandlerError> {
  const store = new FileUnitStore(tmp.path);
  const tx = beginTransaction(store);
  try {
    const r = await new Dispatcher({ registry, flags: tx.flags, kv: tx.kv }).dispatch(name);
    tx.commit({ config: { hook: name } });
    return r;
  } catch (e) {
    tx.rollback();
    if (e instanceof HandlerError) return e;
    throw e;
  }
}

describe('hooks over a FileUnitStore', () => {
  it('onlyOnce runs in the first hook only, across processes-worth of state on disk', async () => {
    const runs: string[] = [];
    const registry = new HandlerRegistry();
    registry.addHandler({ id: 'app:init', onlyOnce: true, run: () => runs.push('init') });
    registry.addHandler({ id: 'app:status', whenNot: ['never'], run: () => runs.push('status') });
    await hook(registry, 'install');
    await hook(registry, 'update-status');
    expect(runs).toEqual(['init', 'status', 'status']);
    expect(new FileUnitStore(tmp.path).load().kv).toEqual({ 'rxcharm.invoked.app:init': true });
  });

  it('a throwing handler leaves flags, kv, onlyOnce marks and config on disk unchanged', async () => {
    let fail = true;
    const registry = new HandlerRegistry();
    registry.addHandler({ id: 'app:first', onlyOnce: true, run: () => setFlag('first.done') });
    registry.addHandler({
      id: 'app:install',
      when: ['first.done'],
      whenNot: ['installed'],
      run: () => {
        setFlag('installed');
        if (fail) throw new Error('apt failed');
      },
    });
    const before = beginTransaction(new FileUnitStore(tmp.path));
    before.flags.set('seed');
    before.kv.set('k', 1);
    before.commit({ config: { port: 1 } });
    const bytes = readFileSync(new FileUnitStore(tmp.path).file);

    const err = await hook(registry, 'install');
    expect(err).toBeInstanceOf(HandlerError);
    expect((err as HandlerError).partial.invoked).toEqual(['app:first', 'app:install']);
    expect(readFileSync(new FileUnitStore(tmp.path).file).equals(bytes)).toBe(true);

    // The retry runs everything again from the pre-hook state, including the onlyOnce handler.
    fail = false;
    const ok = (await hook(registry, 'install')) as DispatchResult;
    expect(ok.invoked).toEqual(['app:first', 'app:install']);
    expect(new FileUnitStore(tmp.path).load()).toEqual({
      version: 1,
      flags: ['first.done', 'installed', 'seed'],
      kv: { k: 1, 'rxcharm.invoked.app:first': true },
      config: { hook: 'install' },
    });
  });
});
