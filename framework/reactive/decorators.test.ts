import { FlagSet, KeyValueStore } from '../unit';
import { action, hook, notUnless, onlyOnce, when, whenAny, whenFileChanged, whenNot, whenNotAll } from './decorators';
import { Dispatcher } from './dispatcher';
import { HandlerRegistry } from './handler-registry';
import { setFlag } from './flags';
import { HandlerDefinitionError, HandlerError, PreconditionError } from './reactive-errors';
import type { EndpointRoles } from './endpoint-roles';

const src = { layer: 'app', file: 'reactive/app.ts' };
const endpoints: EndpointRoles = {
  requires: { cache: 'redis', db: 'pgsql' },
  provides: { website: 'http' },
  peers: {},
};

class AppCharm {
  calls: string[] = [];
  @when('a')
  @whenNot('b')
  stacked(): void {
    this.calls.push('stacked');
    setFlag('b');
  }
  @hook('{requires:redis}-relation-{joined,changed}')
  onRedis(): void {
    this.calls.push('onRedis');
  }
  @hook('config-*')
  onConfig(): void {
    this.calls.push('onConfig');
  }
  @action('backup')
  @when('a')
  backup(): void {
    this.calls.push('backup');
  }
  @onlyOnce
  firstTime(): void {
    this.calls.push('firstTime');
  }
  @whenAny('x', 'a')
  @whenNotAll('a', 'b')
  anyNotAll(): void {
    this.calls.push('anyNotAll');
  }
  @whenFileChanged('/etc/app.conf')
  restart(): void {
    this.calls.push('restart');
  }
  @notUnless('b')
  helper(): string {
    return 'ok';
  }
  @when('b')
  usesHelper(): void {
    this.calls.push(`usesHelper:${this.helper()}`);
  }
}

function run(hookName: string, flags: FlagSet, kv: KeyValueStore, files: Record<string, string> = {}) {
  const registry = new HandlerRegistry();
  const instance = new AppCharm();
  let made = 0;
  registry.addClass(AppCharm, {
    source: src,
    instance: () => {
      made++;
      return instance;
    },
  });
  const readFile = (p: string) => (p in files ? Buffer.from(files[p] as string) : undefined);
  const d = new Dispatcher({ registry, flags, kv, endpoints, readFile });
  return d.dispatch(hookName).then((r) => ({ r, calls: instance.calls, made, registry }));
}

describe('decorators and addClass', () => {
  it('registers decorated methods in declaration order with stable ids, skipping @notUnless-only ones', async () => {
    const { registry } = await run('start', new FlagSet(), new KeyValueStore());
    expect(registry.handlers.map((h) => h.id)).toEqual([
      'app:reactive/app.ts:AppCharm.stacked',
      'app:reactive/app.ts:AppCharm.onRedis',
      'app:reactive/app.ts:AppCharm.onConfig',
      'app:reactive/app.ts:AppCharm.backup',
      'app:reactive/app.ts:AppCharm.firstTime',
      'app:reactive/app.ts:AppCharm.anyNotAll',
      'app:reactive/app.ts:AppCharm.restart',
      'app:reactive/app.ts:AppCharm.usesHelper',
    ]);
    const stacked = registry.handlers[0];
    expect(stacked?.whenAll).toEqual(['a']);
    expect(stacked?.whenNone).toEqual(['b']);
    expect(stacked?.watched).toEqual(['a', 'b']);
  });

  it('hook phase: alternation, endpoint roles and globs; hook handlers run first', async () => {
    const { calls, made } = await run('cache-relation-changed', new FlagSet(['a']), new KeyValueStore());
    expect(calls.slice(0, 1)).toEqual(['onRedis']);
    expect(calls).not.toContain('onConfig');
    expect(calls).toContain('stacked');
    expect(made).toBe(1);
    const db = await run('db-relation-joined', new FlagSet(), new KeyValueStore());
    expect(db.calls).not.toContain('onRedis');
    const cfg = await run('config-changed', new FlagSet(), new KeyValueStore());
    expect(cfg.calls[0]).toBe('onConfig');
  });

  it('@action runs only for hook action:<name>, and ANDs with flag conditions', async () => {
    expect((await run('action:backup', new FlagSet(['a']), new KeyValueStore())).calls).toContain('backup');
    expect((await run('action:backup', new FlagSet(), new KeyValueStore())).calls).not.toContain('backup');
    expect((await run('action:restore', new FlagSet(['a']), new KeyValueStore())).calls).not.toContain('backup');
  });

  it('@onlyOnce runs once across two dispatches sharing the kv', async () => {
    const kv = new KeyValueStore();
    expect((await run('install', new FlagSet(), kv)).calls).toContain('firstTime');
    expect((await run('config-changed', new FlagSet(), kv)).calls).not.toContain('firstTime');
  });

  it('@whenFileChanged is not consumed by testing, only by running', async () => {
    const kv = new KeyValueStore();
    const files = { '/etc/app.conf': 'v1' };
    // First sight counts as a change.
    expect((await run('start', new FlagSet(), kv, files)).calls).toContain('restart');
    // Unchanged: tested many times (every iteration), never runs, and the mark is kept.
    const again = await run('start', new FlagSet(['a']), kv, files);
    expect(again.calls).not.toContain('restart');
    expect(
      again.r.trace.filter((e) => e.type === 'handler.tested' && e.handler.endsWith('.restart')).length,
    ).toBeGreaterThan(1);
    expect((await run('start', new FlagSet(), kv, { '/etc/app.conf': 'v2' })).calls).toContain('restart');
  });

  it('whenAny + whenNotAll', async () => {
    expect((await run('start', new FlagSet(['x']), new KeyValueStore())).calls).toContain('anyNotAll');
    const both = await run('start', new FlagSet(['a', 'b']), new KeyValueStore());
    expect(both.calls).not.toContain('anyNotAll');
  });

  it('stacked @whenAny and @whenNotAll are ANDed, group by group', async () => {
    class Stacked {
      readonly calls: string[] = [];
      @whenAny('a', 'b')
      @whenAny('c', 'd')
      any(): void {
        this.calls.push('any');
      }
      @whenNotAll('a', 'b')
      @whenNotAll('c', 'd')
      notAll(): void {
        this.calls.push('notAll');
      }
    }
    const registry = new HandlerRegistry();
    const instance = new Stacked();
    const [any, notAll] = registry.addClass(Stacked, { source: src, instance: () => instance });
    expect(any?.whenAny).toEqual([
      ['c', 'd'],
      ['a', 'b'],
    ]);
    expect(any?.watched).toEqual(['a', 'b', 'c', 'd']);
    expect(notAll?.whenNotAll).toHaveLength(2);
    const dispatch = async (flags: string[]): Promise<{ calls: string[]; unmet: ReadonlyArray<readonly string[]> }> => {
      instance.calls.length = 0;
      const r = await new Dispatcher({ registry, flags: new FlagSet(flags), kv: new KeyValueStore() }).dispatch(
        'start',
      );
      const unmet = r.trace.flatMap((e) => (e.type === 'handler.tested' && e.unmet.length > 0 ? [e.unmet] : []));
      return { calls: [...instance.calls], unmet };
    };
    // One flag of the first group only: (a or b) holds, (c or d) does not.
    const aOnly = await dispatch(['a']);
    expect(aOnly.calls).not.toContain('any');
    expect(aOnly.unmet).toContainEqual(['whenAny(c,d)']);
    expect((await dispatch(['b', 'd'])).calls).toContain('any');
    // All of one group set: that @whenNotAll fails although the other group holds.
    const abSet = await dispatch(['a', 'b', 'c']);
    expect(abSet.calls).not.toContain('notAll');
    expect(abSet.unmet).toContainEqual(['whenNotAll(a,b)']);
    expect((await dispatch(['a', 'c'])).calls).toContain('notAll');
  });

  it('a defineHandler whenAny list is one group', () => {
    const registry = new HandlerRegistry();
    const h = registry.addHandler({ id: 'listed', whenAny: ['a', 'b'], whenNotAll: ['c', 'd'], run: () => undefined });
    expect(h.whenAny).toEqual([['a', 'b']]);
    expect(h.whenNotAll).toEqual([['c', 'd']]);
    expect(registry.addHandler({ id: 'none', when: ['a'], run: () => undefined }).whenAny).toEqual([]);
  });

  it('@notUnless asserts inside a dispatch', async () => {
    const r = await run('start', new FlagSet(['b']), new KeyValueStore());
    expect(r.calls).toContain('usesHelper:ok');
    const registry = new HandlerRegistry();
    class Bad {
      @notUnless('missing') helper(): void {}
      @when('go') h(): void {
        this.helper();
      }
    }
    registry.addClass(Bad, { source: src, instance: () => new Bad() });
    const err = await new Dispatcher({ registry, flags: new FlagSet(['go']), kv: new KeyValueStore() })
      .dispatch('start')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HandlerError);
    expect((err as HandlerError).cause).toBeInstanceOf(PreconditionError);
  });

  it('expands {endpoint_name} and rejects unresolved placeholders', () => {
    class Ep {
      @when('endpoint.{endpoint_name}.joined')
      @hook('{endpoint_name}-relation-broken')
      broken(): void {}
      @when('endpoint.{endpoint_name}.changed') changed(): void {}
    }
    const registry = new HandlerRegistry();
    const hs = registry.addClass(Ep, {
      source: { layer: 'redis', file: 'requires.ts' },
      instance: () => new Ep(),
      expand: { endpoint_name: 'cache' },
    });
    expect(hs.map((h) => [h.id, h.whenAll, h.hooks])).toEqual([
      ['redis:requires.ts:Ep.broken#cache', ['endpoint.cache.joined'], ['cache-relation-broken']],
      ['redis:requires.ts:Ep.changed#cache', ['endpoint.cache.changed'], []],
    ]);
    expect(() => new HandlerRegistry().addClass(Ep, { source: src, instance: () => new Ep() })).toThrow(
      HandlerDefinitionError,
    );
  });
});
