import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgentFixture, CHARMS } from './agent-fixture';

describe('local agent: deploy', () => {
  let fx: AgentFixture;
  beforeEach(() => {
    fx = new AgentFixture();
  });
  afterEach(() => fx.dispose());

  it('runs install, leader-elected, config-changed, start in order and reports status', async () => {
    const result = await fx.agent.deploy(join(CHARMS, 'provider'));
    expect(result).toMatchObject({ application: 'provider', units: ['provider/0'] });
    expect(fx.hookNames('provider/0')).toEqual(['install', 'leader-elected', 'config-changed', 'start']);
    const view = fx.agent.status();
    expect(view.applications.provider?.units['provider/0']).toMatchObject({
      workload: 'active',
      message: 'ready',
      agent: 'idle',
      leader: true,
      ports: ['8080/tcp'],
    });
    expect(fx.events.map((e) => `${e.unit}:${e.hook}:${e.outcome}`)).toEqual([
      'provider/0:install:ok',
      'provider/0:leader-elected:ok',
      'provider/0:config-changed:ok',
      'provider/0:start:ok',
    ]);
  });

  it('gives hooks the Juju environment without HOME, with the tool shims first on PATH', async () => {
    await fx.agent.deploy(join(CHARMS, 'provider'), { app: 'kv' });
    const env = Object.fromEntries(
      readFileSync(join(fx.charmDir('kv/0'), 'env-install'), 'utf8')
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(env.HOME).toBeUndefined();
    expect(env).toMatchObject({
      JUJU_UNIT_NAME: 'kv/0',
      JUJU_CHARM_DIR: fx.charmDir('kv/0'),
      JUJU_HOOK_NAME: 'install',
      JUJU_DISPATCH_PATH: 'hooks/install',
      JUJU_MODEL_NAME: 'local',
      JUJU_AGENT_SOCKET_NETWORK: 'unix',
      JUJU_VERSION: '3.6.0',
    });
    expect(env.JUJU_MODEL_UUID).toMatch(/^[0-9a-f-]{36}$/);
    expect(env.PATH!.split(':')[0]).toBe(join(fx.modelDir, 'bin'));
    expect(existsSync(join(fx.modelDir, 'bin', 'relation-get'))).toBe(true);
  });

  it('gives each unit its own charm dir; peers join each other; the first unit leads', async () => {
    await fx.agent.deploy(join(CHARMS, 'consumer'), { units: 2 });
    expect(fx.hookNames('consumer/0').slice(0, 5)).toEqual([
      'install',
      'cluster-relation-created',
      'leader-elected',
      'config-changed',
      'start',
    ]);
    expect(fx.hookNames('consumer/1').slice(0, 5)).toEqual([
      'install',
      'cluster-relation-created',
      'leader-settings-changed',
      'config-changed',
      'start',
    ]);
    // joined is always followed by changed for the same remote unit
    expect(fx.hooks('consumer/0')).toEqual(
      expect.arrayContaining([
        'cluster-relation-joined|consumer/1|cluster:0||consumer/1,',
        'cluster-relation-changed|consumer/1|cluster:0||consumer/1,',
      ]),
    );
    const joinedAt = fx.hookNames('consumer/1').indexOf('cluster-relation-joined');
    expect(fx.hookNames('consumer/1')[joinedAt + 1]).toBe('cluster-relation-changed');
    const view = fx.agent.status();
    expect(view.applications.consumer?.units['consumer/0']?.leader).toBe(true);
    expect(view.applications.consumer?.units['consumer/1']?.leader).toBe(false);
    expect(fx.charmDir('consumer/0')).not.toBe(fx.charmDir('consumer/1'));
  });

  it('refuses a bad key or type at deploy before anything is created', async () => {
    await expect(fx.agent.deploy(join(CHARMS, 'provider'), { config: ['port=eighty'] })).rejects.toThrow(
      /port: expected int/,
    );
    expect(existsSync(join(fx.modelDir, 'model.json'))).toBe(false);
    expect(fx.events).toEqual([]);
  });

  it('runs actions and reports their results and failures without erroring the unit', async () => {
    await fx.agent.deploy(join(CHARMS, 'provider'));
    const ok = await fx.agent.runAction('provider/0', 'echo', ['text=hi there']);
    expect(ok).toMatchObject({
      status: 'completed',
      results: { out: 'hi there', unit: 'provider/0', 'return-code': 0 },
    });
    const defaulted = await fx.agent.runAction('provider/0', 'echo');
    expect(defaulted.results.out).toBe('nothing');
    const failed = await fx.agent.runAction('provider/0', 'explode');
    expect(failed).toMatchObject({ status: 'failed', message: 'exploded on request' });
    expect(fx.agent.status().applications.provider?.units['provider/0']?.agent).toBe('idle');
    await expect(fx.agent.runAction('provider/0', 'nope')).rejects.toThrow(
      /action not found: provider:nope\nactions: echo, explode/,
    );
  });
});
