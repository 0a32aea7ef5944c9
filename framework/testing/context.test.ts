import { join } from 'node:path';
import {
  action,
  Context,
  InconsistentStateError,
  relationBroken,
  relationChanged,
  relationDeparted,
  relationJoined,
  state,
  UncaughtHandlerError,
} from './index';

const DEMO = join(__dirname, 'fixtures', 'demo');
const redisUnit = { 'redis/0': { host: '10.0.0.7', port: '6379' } };

describe('Context', () => {
  const ctx = new Context(DEMO);
  afterAll(() => ctx.dispose());

  it('runs install and the reactive phase, returning a new frozen state and the records', async () => {
    const input = state();
    const out = await ctx.run('install', input);
    expect(out.invoked).toEqual([
      'demo:reactive/demo.ts:Demo.install',
      'demo:reactive/demo.ts:Demo.configure',
      'demo:reactive/demo.ts:Demo.renderConfig',
    ]);
    // The runtime collects the status and sets the last one once, when the hook succeeds.
    expect(out.statusHistory).toEqual([{ status: 'active', message: 'ready on 8080' }]);
    expect(out.state.status).toEqual({ status: 'active', message: 'ready on 8080' });
    expect(out.state.openedPorts).toEqual(['8080/tcp']);
    expect(out.state.flags).toEqual(expect.arrayContaining(['demo.installed', 'demo.rendered']));
    expect(out.state.flags).not.toContain('config.changed');
    expect(out.state.files['files/app.conf']).toBe('greeting: "hello"\ncache: "none"\n');
    expect(out.dockerActions).toEqual([{ method: 'pullImage', target: 'busybox:latest' }]);
    expect(out.state.docker.images.map((i) => i.repoTags)).toEqual([['busybox:latest']]);
    expect(out.state.appliedConfig).toEqual({ port: 8080, greeting: 'hello', fail: false });
    expect(Object.isFrozen(out.state) && Object.isFrozen(out.state.flags)).toBe(true);
    expect(input.flags).toEqual([]);
  });

  it('records the dispatch trace of a known dispatch: tested, unmet, invoked, flag causes', async () => {
    const out = await ctx.run('update-status', {
      flags: ['demo.installed'],
      appliedConfig: { port: 8080, greeting: 'hello', fail: false },
    });
    const demo = 'demo:reactive/demo.ts:Demo';
    expect(out.trace.filter((e) => !('handler' in e) || e.handler.startsWith(demo))).toEqual([
      { type: 'phase.start', phase: 'hook', hook: 'update-status' },
      { type: 'handler.tested', iteration: 'hook', handler: `${demo}.install`, passed: false, unmet: ['hook'] },
      { type: 'handler.tested', iteration: 'hook', handler: `${demo}.greet`, passed: false, unmet: ['action'] },
      { type: 'phase.start', phase: 'reactive', hook: 'update-status' },
      { type: 'iteration.start', iteration: 0, candidates: 7 },
      {
        type: 'handler.tested',
        iteration: 0,
        handler: `${demo}.configure`,
        passed: false,
        unmet: ['when(config.changed)'],
      },
      { type: 'handler.tested', iteration: 0, handler: `${demo}.renderConfig`, passed: true, unmet: [] },
      {
        type: 'handler.tested',
        iteration: 0,
        handler: `${demo}.cacheGone`,
        passed: false,
        unmet: ['when(demo.has-cache)'],
      },
      {
        type: 'handler.tested',
        iteration: 0,
        handler: `${demo}.cacheReady`,
        passed: false,
        unmet: ['when(cache.available)'],
      },
      { type: 'handler.invoked', iteration: 0, handler: `${demo}.renderConfig` },
      { type: 'flag.set', iteration: 0, flag: 'demo.rendered', cause: `${demo}.renderConfig` },
      { type: 'iteration.start', iteration: 1, candidates: 1, changed: ['demo.rendered'] },
      {
        type: 'handler.tested',
        iteration: 1,
        handler: `${demo}.renderConfig`,
        passed: false,
        unmet: ['whenNot(demo.rendered)'],
      },
    ]);
  });

  it('gives every run fresh modules: module-level state never leaks', async () => {
    const [first, second] = await ctx.runStory(['install', 'install']);
    expect(first?.state.kv['module-runs']).toBe(1);
    expect(second?.state.kv['module-runs']).toBe(1);
  });

  it('runs a story: config change closes the old port, relation lifecycle re-renders', async () => {
    const [installed] = await ctx.runStory(['install']);
    const changed = await ctx.run('config-changed', { ...installed!.state, config: { port: 9000 } });
    expect(changed.state.openedPorts).toEqual(['9000/tcp']);
    const related = {
      ...changed.state,
      relations: [{ endpoint: 'cache', id: 3, remoteApp: 'redis', remoteUnits: redisUnit }],
    };
    const joined = await ctx.runStory(
      [relationJoined('cache', 'redis/0'), relationChanged('cache', 'redis/0')],
      related,
    );
    const afterJoin = joined[joined.length - 1]!.state;
    expect(afterJoin.flags).toEqual(expect.arrayContaining(['cache.available', 'demo.has-cache']));
    expect(afterJoin.files['files/app.conf']).toBe('greeting: "hello"\ncache: "10.0.0.7"\n');
    const departed = await ctx.run(relationDeparted('cache', 'redis/0'), afterJoin);
    expect(departed.state.relations[0]?.remoteUnits).toEqual({});
    expect(departed.state.files['files/app.conf']).toBe('greeting: "hello"\ncache: "none"\n');
    const broken = await ctx.run(relationBroken('cache'), departed.state);
    expect(broken.state.relations).toEqual([]);
  });

  it('rolls back and wraps the handler error when the charm fails', async () => {
    const [installed] = await ctx.runStory(['install']);
    const before = { ...installed!.state, config: { fail: true } };
    const error = await ctx.run('config-changed', before).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UncaughtHandlerError);
    const e = error as UncaughtHandlerError;
    expect(e.handler).toBe('demo:reactive/demo.ts:Demo.configure');
    expect((e.cause as Error).message).toBe('configure exploded');
    expect(e.message).toContain('configure exploded');
    expect(e.records.trace).toContainEqual(
      expect.objectContaining({ type: 'handler.failed', handler: 'demo:reactive/demo.ts:Demo.configure' }),
    );
    expect(e.records.state).toEqual({ ...installed!.state, config: { fail: true } });
  });

  it('runs actions with parameters', async () => {
    const out = await ctx.run(action('greet', { name: 'ada' }));
    expect(out.hook).toBe('action:greet');
    expect(out.actionResults).toEqual({ message: 'hello ada' });
  });

  describe('consistency check', () => {
    const problems = async (
      event: Parameters<Context['run']>[0],
      input: Parameters<Context['run']>[1],
    ): Promise<readonly string[]> => {
      const e = await ctx.run(event, input).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InconsistentStateError);
      return (e as InconsistentStateError).problems;
    };

    it('rejects a relation hook without the relation', async () => {
      expect(await problems(relationChanged('cache', 'redis/0'), {})).toEqual([
        'hook cache-relation-changed: the state has no cache relation (add it to state.relations)',
      ]);
    });
    it('rejects a remote unit not in the relation', async () => {
      expect(
        await problems(relationJoined('cache', 'redis/1'), {
          relations: [{ endpoint: 'cache', remoteApp: 'redis', remoteUnits: redisUnit }],
        }),
      ).toEqual(['hook cache-relation-joined: remote unit redis/1 is not in relation cache:0 (units: redis/0)']);
    });
    it('rejects a departing unit that is not in the relation', async () => {
      expect(
        await problems(relationDeparted('cache', 'redis/4'), {
          relations: [{ endpoint: 'cache', remoteApp: 'redis' }],
        }),
      ).toEqual(['hook cache-relation-departed: remote unit redis/4 is not in relation cache:0 (units: none)']);
    });
    it('rejects unknown config keys and wrong types', async () => {
      expect(await problems('config-changed', { config: { prot: 1, port: 'eighty' } as never })).toEqual([
        'config.prot: no such option in config.yaml (options: fail, greeting, port)',
        'config.port: expected an int, got "eighty" (config.yaml says int)',
      ]);
    });
    it('rejects undeclared endpoints, hooks and actions', async () => {
      expect(await problems('instal', { relations: [{ endpoint: 'db' }] })).toEqual([
        'relation db:0: metadata.yaml has no endpoint "db" (endpoints: cache)',
        expect.stringContaining('hook instal: not a hook Juju runs'),
      ]);
      expect(await problems(action('greet', {}), {})).toEqual(['action greet: required parameter name is missing']);
    });
  });
});
