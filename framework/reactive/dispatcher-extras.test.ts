import { createHash } from 'node:crypto';
import { FlagSet, KeyValueStore } from '../unit';
import { Dispatcher, nextCandidates } from './dispatcher';
import { HandlerRegistry } from './handler-registry';
import { isFlagSet, setFlag } from './flags';
import { when } from './decorators';
import { HandlerDefinitionError, HandlerError } from './reactive-errors';

describe('Dispatcher extras', () => {
  it('awaits async handlers and keeps the dispatch context across awaits', async () => {
    const registry = new HandlerRegistry();
    registry.addHandler({
      id: 'async',
      when: ['go'],
      run: async () => {
        await Promise.resolve();
        setFlag('later');
      },
    });
    registry.addHandler({ id: 'after', when: ['later'], run: () => expect(isFlagSet('later')).toBe(true) });
    const r = await new Dispatcher({ registry, flags: new FlagSet(['go']), kv: new KeyValueStore() }).dispatch('start');
    expect(r.invoked).toEqual(['async', 'after']);
    expect(r.trace.find((e) => e.type === 'flag.set')).toMatchObject({ flag: 'later', cause: 'async', iteration: 0 });
  });

  it('rejected promises become HandlerError', async () => {
    const registry = new HandlerRegistry();
    registry.addHandler({ id: 'rejects', when: ['go'], run: () => Promise.reject(new Error('nope')) });
    const err = await new Dispatcher({ registry, flags: new FlagSet(['go']), kv: new KeyValueStore() })
      .dispatch('start')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HandlerError);
    expect((err as HandlerError).handler).toBe('rejects');
  });

  it('passes resolveArgs results and creates a class instance lazily, once per dispatch', async () => {
    const seen: unknown[] = [];
    class C {
      @when('a') one(ep: unknown): void {
        seen.push(['one', ep, this]);
      }
      @when('a') two(ep: unknown): void {
        seen.push(['two', ep, this]);
      }
      @when('never') three(): void {}
    }
    const registry = new HandlerRegistry();
    let made = 0;
    registry.addClass(C, {
      source: { layer: 'l', file: 'f.ts' },
      instance: () => {
        made++;
        return new C();
      },
    });
    const d = new Dispatcher({
      registry,
      flags: new FlagSet(['a']),
      kv: new KeyValueStore(),
      resolveArgs: (h) => [h.id],
    });
    await d.dispatch('start');
    expect(made).toBe(1);
    expect(seen.map((s) => (s as unknown[]).slice(0, 2))).toEqual([
      ['one', 'l:f.ts:C.one'],
      ['two', 'l:f.ts:C.two'],
    ]);
    const none = new HandlerRegistry();
    let lazy = 0;
    none.addClass(C, {
      source: { layer: 'l', file: 'f.ts' },
      instance: () => {
        lazy++;
        return new C();
      },
    });
    await new Dispatcher({ registry: none, flags: new FlagSet(), kv: new KeyValueStore() }).dispatch('start');
    expect(lazy).toBe(0);
  });

  it('rejects duplicate ids and malformed definitions', () => {
    const registry = new HandlerRegistry();
    registry.addHandler({ id: 'x', when: ['a'], run: () => undefined });
    expect(() => registry.addHandler({ id: 'x', when: ['b'], run: () => undefined })).toThrow(HandlerDefinitionError);
    expect(() => registry.addHandler({ id: '', run: () => undefined })).toThrow(/id must be a non-empty string/);
    expect(() => registry.addHandler({ id: 'y', when: [''], run: () => undefined })).toThrow(
      /when must be a list of non-empty strings/,
    );
    expect(() => registry.addHandler({ id: 'z', hook: ['install'], action: ['a'], run: () => undefined })).toThrow(
      HandlerDefinitionError,
    );
  });

  it('nextCandidates: only watchers of changed flags plus file watchers, in registration order (pure)', () => {
    const registry = new HandlerRegistry();
    registry.addHandler({ id: 'w-b', when: ['b'], run: () => undefined });
    registry.addHandler({ id: 'file', fileChanged: ['/x'], run: () => undefined });
    registry.addHandler({ id: 'w-a', whenNot: ['a'], run: () => undefined });
    registry.addHandler({ id: 'w-ab', whenAny: ['a', 'b'], run: () => undefined });
    registry.addHandler({ id: 'w-c', when: ['c'], run: () => undefined });
    const idx = registry.index();
    expect(nextCandidates(new Set(['a', 'b']), idx.byFlag, idx.fileWatchers).map((h) => h.id)).toEqual([
      'w-b',
      'file',
      'w-a',
      'w-ab',
    ]);
    expect(nextCandidates(new Set(), idx.byFlag, idx.fileWatchers).map((h) => h.id)).toEqual(['file']);
  });

  it('runs a file watcher in the same hook after another handler rewrote the file', async () => {
    const files: Record<string, string> = { '/etc/app.conf': 'v1' };
    const kv = new KeyValueStore();
    const registry = new HandlerRegistry();
    registry.addHandler({ id: 'restart', when: ['app.started'], fileChanged: ['/etc/app.conf'], run: () => undefined });
    registry.addHandler({
      id: 'render',
      when: ['config.changed'],
      run: () => {
        files['/etc/app.conf'] = 'v2';
      },
    });
    const readFile = (p: string) => (files[p] === undefined ? undefined : Buffer.from(files[p] as string));
    kv.set('rxcharm.files./etc/app.conf', createHash('sha256').update('v1').digest('hex'));
    const r = await new Dispatcher({
      registry,
      flags: new FlagSet(['config.changed', 'app.started']),
      kv,
      readFile,
    }).dispatch('config-changed');
    expect(r.invoked).toEqual(['render', 'restart']);
    expect(r.iterations).toBe(2);
    expect(kv.get('rxcharm.files./etc/app.conf')).toBe(createHash('sha256').update('v2').digest('hex'));
  });

  it('with trace: false gives the same result and an empty trace', async () => {
    const make = () => {
      const registry = new HandlerRegistry();
      registry.addHandler({ id: 'a', whenNot: ['x'], run: () => setFlag('x') });
      registry.addHandler({ id: 'b', whenNot: ['x'], run: () => undefined });
      registry.addHandler({ id: 'c', when: ['x'], run: () => undefined });
      return registry;
    };
    const on = await new Dispatcher({ registry: make(), flags: new FlagSet(), kv: new KeyValueStore() }).dispatch(
      'start',
    );
    const off = await new Dispatcher({
      registry: make(),
      flags: new FlagSet(),
      kv: new KeyValueStore(),
      trace: false,
    }).dispatch('start');
    expect(off.trace).toEqual([]);
    expect({ ...off, trace: on.trace }).toEqual(on);
    expect(on.invoked).toEqual(['a', 'c']);
  });
});
