import { FlagSet, KeyValueStore, MemoryUnitStore, beginTransaction } from '../unit';
import { Dispatcher } from './dispatcher';
import { HandlerRegistry } from './handler-registry';
import { clearFlag, isFlagSet, setFlag, registerTrigger } from './flags';
import { DispatchLoopError, HandlerError } from './reactive-errors';
import type { HandlerConditions } from './handler-definition';
import type { TraceEvent } from './trace';

type Spec = HandlerConditions & { id: string; run?: () => unknown };

function setup(
  specs: Spec[],
  initial: string[] = [],
  extra: Partial<ConstructorParameters<typeof Dispatcher>[0]> = {},
) {
  const registry = new HandlerRegistry();
  for (const s of specs) registry.addHandler({ run: () => undefined, ...s });
  const flags = new FlagSet(initial);
  const kv = new KeyValueStore();
  const dispatcher = new Dispatcher({ registry, flags, kv, ...extra });
  return { registry, flags, kv, dispatcher };
}

/** Compact golden form of a trace: one string per event. */
function golden(trace: TraceEvent[]): string[] {
  return trace.map((e) => {
    switch (e.type) {
      case 'phase.start':
        return `phase ${e.phase}`;
      case 'iteration.start':
        return `iter ${e.iteration} (${e.candidates})${e.changed === undefined ? '' : ` after ${e.changed.join(' ')}`}`;
      case 'handler.tested':
        return `  test ${e.handler} ${e.passed ? 'pass' : `fail ${e.unmet.join(' ')}`}`;
      case 'handler.skipped':
        return `  skip ${e.handler} ${e.unmet.join(' ')}`;
      case 'handler.invoked':
        return `  run ${e.handler}`;
      case 'handler.failed':
        return `  FAIL ${e.handler}: ${e.error}`;
      default:
        return `    ${e.type === 'flag.set' ? '+' : '-'}${e.flag} by ${e.cause}${e.origin ? ` (${e.trigger} from ${e.origin})` : ''}`;
    }
  });
}

describe('Dispatcher golden traces', () => {
  it('runs a chain across iterations and stops when nothing matches', async () => {
    const { dispatcher } = setup([
      { id: 'b', when: ['a'], whenNot: ['b'], run: () => setFlag('b') },
      { id: 'a', whenNot: ['a'], run: () => setFlag('a') },
    ]);
    const r = await dispatcher.dispatch('install');
    expect(r.invoked).toEqual(['a', 'b']);
    expect(r.flags).toEqual(['a', 'b']);
    expect(r.iterations).toBe(2);
    expect(golden(r.trace)).toEqual([
      'phase hook',
      'phase reactive',
      'iter 0 (2)',
      '  test b fail when(a)',
      '  test a pass',
      '  run a',
      '    +a by a',
      'iter 1 (2) after a',
      '  test b pass',
      '  test a fail whenNot(a)',
      '  run b',
      '    +b by b',
      'iter 2 (1) after b',
      '  test b fail whenNot(b)',
    ]);
  });

  it('set vs clear within one iteration: both re-test the remaining queue', async () => {
    const { dispatcher } = setup(
      [
        { id: 'setter', when: ['go'], run: () => setFlag('x') },
        { id: 'clearer', when: ['go'], run: () => clearFlag('y') },
        { id: 'needs-no-x', whenNot: ['x'] },
        { id: 'needs-y', when: ['y'] },
      ],
      ['go', 'y'],
      { loopLimit: 5 },
    );
    const r = await dispatcher.dispatch('update-status');
    expect(r.invoked).toEqual(['setter', 'clearer']);
    expect(golden(r.trace).slice(2, 14)).toEqual([
      'iter 0 (4)',
      '  test setter pass',
      '  test clearer pass',
      '  test needs-no-x pass',
      '  test needs-y pass',
      '  run setter',
      '    +x by setter',
      '  skip needs-no-x whenNot(x)',
      '  run clearer',
      '    -y by clearer',
      '  skip needs-y when(y)',
      'iter 1 (2) after x y',
    ]);
  });

  it('clear of an unset flag is not a change: no event, no re-test, no re-run', async () => {
    const { dispatcher } = setup(
      [
        { id: 'c', when: ['go'], run: () => clearFlag('never-set') },
        { id: 'd', whenNot: ['never-set'] },
      ],
      ['go'],
    );
    const r = await dispatcher.dispatch('start');
    expect(r.invoked).toEqual(['c', 'd']);
    expect(r.iterations).toBe(1);
    expect(r.trace.filter((e) => e.type.startsWith('flag.'))).toEqual([]);
    expect(r.trace.filter((e) => e.type === 'handler.skipped')).toEqual([]);
  });

  it('re-tests after a change: a handler runs again when a watched flag changed', async () => {
    let n = 0;
    const { dispatcher } = setup(
      [
        {
          id: 'counter',
          when: ['tick'],
          run: () => {
            n++;
            if (n < 3) {
              clearFlag('tick');
              setFlag('tick');
            }
          },
        },
      ],
      ['tick'],
    );
    const r = await dispatcher.dispatch('config-changed');
    expect(r.invoked).toEqual(['counter', 'counter', 'counter']);
    expect(r.iterations).toBe(3);
  });

  it('whenNot handler is not invoked after an earlier handler in the same iteration set its flag', async () => {
    const { dispatcher } = setup([
      { id: 'installer', whenNot: ['installed'], run: () => setFlag('installed') },
      { id: 'fallback', whenNot: ['installed'] },
    ]);
    const r = await dispatcher.dispatch('install');
    expect(r.invoked).toEqual(['installer']);
    expect(golden(r.trace)).toContain('  skip fallback whenNot(installed)');
  });

  it('a handler a clear dropped waits for the next iteration, even if its flag comes back', async () => {
    const { dispatcher } = setup(
      [
        { id: 'A', when: ['x'], run: () => clearFlag('x') },
        { id: 'B', whenNot: ['y'], run: () => setFlag('x') },
        { id: 'C', when: ['x'], run: () => setFlag('done') },
      ],
      ['x'],
    );
    const r = await dispatcher.dispatch('update-status');
    // charms.reactive's result: A, B, A and no flags.
    expect(r.invoked).toEqual(['A', 'B', 'A']);
    expect(r.flags).toEqual([]);
    expect(golden(r.trace)).toEqual([
      'phase hook',
      'phase reactive',
      'iter 0 (3)',
      '  test A pass',
      '  test B pass',
      '  test C pass',
      '  run A',
      '    -x by A',
      '  skip C when(x)',
      '  run B',
      '    +x by B',
      'iter 1 (2) after x',
      '  test A pass',
      '  test C pass',
      '  run A',
      '    -x by A',
      '  skip C when(x)',
      'iter 2 (2) after x',
      '  test A fail when(x)',
      '  test C fail when(x)',
    ]);
  });

  it('a flag cleared and set again in one iteration counts as changed: its watchers run next iteration', async () => {
    let runsOfC = 0;
    const { dispatcher } = setup(
      [
        { id: 'A', when: ['go'], run: () => clearFlag('x') },
        { id: 'B', when: ['go'], run: () => setFlag('x') },
        { id: 'C', when: ['x'], run: () => void runsOfC++ },
      ],
      ['go', 'x'],
    );
    const r = await dispatcher.dispatch('update-status');
    // charms.reactive's result: A, B, C (C exactly once, in iteration 1).
    expect(r.invoked).toEqual(['A', 'B', 'C']);
    expect(runsOfC).toBe(1);
    expect(r.flags).toEqual(['go', 'x']);
    expect(golden(r.trace).slice(2)).toEqual([
      'iter 0 (3)',
      '  test A pass',
      '  test B pass',
      '  test C pass',
      '  run A',
      '    -x by A',
      '  skip C when(x)',
      '  run B',
      '    +x by B',
      'iter 1 (1) after x',
      '  test C pass',
      '  run C',
    ]);
  });

  it('newly matching handlers wait for the next iteration', async () => {
    const { dispatcher } = setup(
      [
        { id: 'first', when: ['go'], run: () => setFlag('later') },
        { id: 'late', when: ['later'] },
      ],
      ['go'],
    );
    const r = await dispatcher.dispatch('start');
    const g = golden(r.trace);
    expect(g.indexOf('  run late')).toBeGreaterThan(g.indexOf('iter 1 (2)'));
    expect(r.invoked).toEqual(['first', 'late']);
  });

  it('fails past the loop limit naming the handlers and flags of the cycle', async () => {
    const { dispatcher } = setup(
      [
        {
          id: 'ping',
          when: ['ping'],
          run: () => {
            clearFlag('ping');
            setFlag('pong');
          },
        },
        {
          id: 'pong',
          when: ['pong'],
          run: () => {
            clearFlag('pong');
            setFlag('ping');
          },
        },
        { id: 'bystander', when: ['other'] },
      ],
      ['ping'],
      { loopLimit: 7 },
    );
    const err = await dispatcher.dispatch('update-status').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DispatchLoopError);
    const e = err as DispatchLoopError;
    expect(e.code).toBe('DISPATCH_LOOP');
    expect(e.context).toMatchObject({
      hook: 'update-status',
      limit: 7,
      cycle: { handlers: ['ping', 'pong'], flags: ['ping', 'pong'] },
    });
    expect(e.message).toMatch(/^dispatch loop: hook update-status did not settle after 7 iterations\n/);
    expect(e.message).toContain('handlers still running: ping, pong');
    expect(e.partial.iterations).toBe(7);
  });

  it('fires triggers immediately, only on real changes, in registration order', async () => {
    const { dispatcher, registry } = setup(
      [
        {
          id: 'h',
          when: ['go'],
          run: () => {
            registerTrigger({ when: 'a', setFlag: 't2' });
            setFlag('a');
            setFlag('a');
            expect(isFlagSet('t1') && isFlagSet('t2') && !isFlagSet('gone')).toBe(true);
          },
        },
      ],
      ['go', 'gone'],
    );
    registry.addTrigger({ when: 'a', setFlag: 't1', clearFlag: 'gone' });
    const r = await dispatcher.dispatch('start');
    expect(golden(r.trace.filter((e) => e.type.startsWith('flag.')))).toEqual([
      '    +a by h',
      '    +t1 by trigger (when:a from h)',
      '    -gone by trigger (when:a from h)',
      '    +t2 by trigger (when:a from h)',
    ]);
  });

  it('is deterministic: same registration, same trace, across runs', async () => {
    const make = () =>
      setup(
        Array.from({ length: 30 }, (_, i) => ({
          id: `h${i}`,
          when: [`f${i % 5}`],
          whenNot: [`done${i}`],
          run: () => {
            setFlag(`done${i}`);
            setFlag(`f${(i + 1) % 5}`);
          },
        })),
        ['f0'],
      );
    const a = await make().dispatcher.dispatch('start');
    const b = await make().dispatcher.dispatch('start');
    expect(b.trace).toEqual(a.trace);
    expect(b.invoked).toEqual(a.invoked);
    expect(a.invoked).toHaveLength(30);
  });

  it('a throwing handler stops the dispatch with a HandlerError carrying the id and cause', async () => {
    const boom = new Error('disk full');
    const { dispatcher } = setup(
      [
        { id: 'ok', when: ['go'], run: () => setFlag('x') },
        {
          id: 'bad',
          when: ['go'],
          run: () => {
            throw boom;
          },
        },
        { id: 'never', when: ['go'] },
      ],
      ['go'],
    );
    const err = (await dispatcher.dispatch('start').catch((e: unknown) => e)) as HandlerError;
    expect(err).toBeInstanceOf(HandlerError);
    expect(err.handler).toBe('bad');
    expect(err.cause).toBe(boom);
    expect(err.message).toBe('handler failed: bad\nhook start: disk full');
    expect(err.partial.invoked).toEqual(['ok', 'bad']);
    expect(golden(err.partial.trace).at(-1)).toBe('  FAIL bad: disk full');
  });

  it('rolls back flags and kv of a failed hook: nothing reaches the store', async () => {
    const store = new MemoryUnitStore({ flags: ['go'], kv: { keep: 1 } });
    const tx = beginTransaction(store);
    const registry = new HandlerRegistry();
    registry.addHandler({
      id: 'w',
      when: ['go'],
      onlyOnce: true,
      run: () => {
        setFlag('x');
        tx.kv.set('keep', 2);
      },
    });
    registry.addHandler({
      id: 'bad',
      when: ['x'],
      run: () => {
        throw new Error('no');
      },
    });
    const d = new Dispatcher({ registry, flags: tx.flags, kv: tx.kv });
    await expect(d.dispatch('start')).rejects.toBeInstanceOf(HandlerError);
    tx.rollback();
    expect(store.load()).toEqual({ version: 1, flags: ['go'], kv: { keep: 1 }, config: null });
    expect(store.saves).toBe(0);
  });
});
