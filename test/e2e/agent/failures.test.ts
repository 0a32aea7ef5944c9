import { join } from 'node:path';
import { ModelState } from '../../../framework/agent';
import { AgentFixture, CHARMS } from './agent-fixture';

describe('local agent: failing hooks and bad input', () => {
  let fx: AgentFixture;
  beforeEach(async () => {
    fx = new AgentFixture();
    await fx.agent.deploy(join(CHARMS, 'provider'));
    await fx.agent.deploy(join(CHARMS, 'consumer'));
  });
  afterEach(() => fx.dispose());

  it('puts the unit in error, keeps status set at once, drops relation data and ports, pauses the queue', async () => {
    fx.failHook('provider/0', 'db-relation-joined');
    await fx.agent.relate('consumer:db', 'provider');
    const unit = fx.agent.status().applications.provider!.units['provider/0']!;
    expect(unit).toMatchObject({
      workload: 'error',
      agent: 'error',
      message: 'hook failed: "db-relation-joined"',
      ports: ['8080/tcp'],
    });
    expect(fx.hookNames('provider/0').slice(-2)).toEqual(['db-relation-created', 'db-relation-joined']);
    const model = new ModelState(JSON.parse(fx.modelFile()));
    const relation = model.data.relations.find((r) => r.endpoints.length === 2)!;
    // only the address keys the agent wrote on entry: the failed hook's data was dropped
    expect(relation.unitData['provider/0']).toEqual({
      'private-address': '10.1.2.3',
      'ingress-address': '10.1.2.3',
      'egress-subnets': '10.1.2.3/32',
    });
    // status-set applied immediately, before the failure
    expect(model.unit('provider/0').status).toMatchObject({
      status: 'maintenance',
      message: 'about to fail in db-relation-joined',
    });
    // The failed joined stays first; after it, changed for the consumer unit (and for the consumer
    // application's bag, with no remote unit, when its leader wrote it).
    expect(
      model.unit('provider/0').queue.map((h) => `${h.hook}${h.remoteUnit === undefined ? '' : ` ${h.remoteUnit}`}`),
    ).toEqual(expect.arrayContaining(['db-relation-joined consumer/0', 'db-relation-changed consumer/0']));
    expect(model.unit('provider/0').queue[0]?.hook).toBe('db-relation-joined');
    expect(
      model.unit('provider/0').queue.every((h) => h.remoteUnit !== undefined || h.hook === 'db-relation-changed'),
    ).toBe(true);
    // other units are not blocked
    expect(fx.hookNames('consumer/0')).toContain('db-relation-changed');
  });

  it('resolve retries the failed hook, then the queue continues', async () => {
    fx.failHook('provider/0', 'config-changed');
    await fx.agent.config('provider', ['greeting=x']);
    expect(fx.agent.report().errors).toEqual([{ unit: 'provider/0', message: 'hook failed: "config-changed"' }]);
    await fx.agent.config('provider', ['port=9090']); // queued behind the failed hook
    const before = fx.hookNames('provider/0').length;
    fx.failHook('provider/0', 'config-changed', false);
    await fx.agent.resolve('provider/0');
    expect(fx.hookNames('provider/0').slice(before)).toEqual(['config-changed', 'config-changed']);
    expect(fx.agent.report()).toEqual({ errors: [], pending: 0 });
    await expect(fx.agent.resolve('provider/0')).rejects.toThrow('unit is not in error: provider/0');
  });

  it('resolve --no-retry skips the failed hook', async () => {
    fx.failHook('provider/0', 'config-changed');
    await fx.agent.config('provider', ['greeting=x']);
    const before = fx.hookNames('provider/0').length;
    await fx.agent.resolve('provider/0', false);
    expect(fx.hookNames('provider/0').length).toBe(before);
    expect(fx.agent.status().applications.provider!.units['provider/0']!.agent).toBe('idle');
  });

  it('refuses an unknown key or a wrong type with nothing changed and no hook run', async () => {
    const file = fx.modelFile();
    const hooks = fx.events.length;
    await expect(fx.agent.config('provider', ['greeting=ok', 'colour=red'])).rejects.toThrow(
      /invalid config for provider:\n {2}colour: unknown option \(the charm has: debug, greeting, nothing, port, ratio\)/,
    );
    await expect(fx.agent.config('provider', ['port=80.5', 'debug=maybe', 'ratio=x'])).rejects.toThrow(
      /port: expected int, got "80.5"\n {2}debug: expected boolean, got "maybe"\n {2}ratio: expected float, got "x"/,
    );
    await expect(fx.agent.config('provider', ['noequals'])).rejects.toThrow(/expected "key=value", got "noequals"/);
    expect(fx.modelFile()).toBe(file);
    expect(fx.events.length).toBe(hooks);
    expect(fx.agent.getConfig('provider')).toEqual({
      greeting: 'hello',
      port: 8080,
      debug: false,
      ratio: 0.5,
      nothing: null,
    });
    await fx.agent.config('provider', ['port=81', 'debug=true', 'ratio=2']);
    expect(fx.agent.getConfig('provider')).toMatchObject({ port: 81, debug: true, ratio: 2 });
  });
});
