import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AgentFixture, CHARMS } from './agent-fixture';

describe('local agent: removal', () => {
  let fx: AgentFixture;
  beforeEach(async () => {
    fx = new AgentFixture();
    await fx.agent.deploy(join(CHARMS, 'provider'));
    await fx.agent.deploy(join(CHARMS, 'consumer'), { units: 2 });
    await fx.agent.relate('consumer:db', 'provider');
  });
  afterEach(() => fx.dispose());

  it('remove-unit: departed on the others, then the unit departs and breaks each relation, stops and is removed', async () => {
    const p0 = fx.hooks('provider/0').length;
    const c0 = fx.hooks('consumer/0').length;
    const c1 = fx.hooks('consumer/1').length;
    await fx.agent.removeUnit('consumer/1');
    expect(
      fx
        .hooks('provider/0')
        .slice(p0)
        .map((l) => l.split('|').slice(0, 4).join('|')),
    ).toEqual(['db-relation-departed|consumer/1|db:1|consumer/1']);
    expect(fx.hookNames('consumer/0').slice(c0)).toEqual(['cluster-relation-departed']);
    expect(existsSync(fx.charmDir('consumer/1'))).toBe(false);
    expect(Object.keys(fx.agent.status().applications.consumer!.units)).toEqual(['consumer/0']);
    const removed = fx.events.filter((e) => e.unit === 'consumer/1').map((e) => e.hook);
    expect(removed.slice(-5)).toEqual([
      'cluster-relation-departed',
      'db-relation-departed',
      'db-relation-broken',
      'stop',
      'remove',
    ]);
    expect(c1).toBeGreaterThan(0);
  });

  it('removing the leader elects the next unit', async () => {
    await fx.agent.removeUnit('consumer/0');
    expect(fx.hookNames('consumer/1')).toContain('leader-elected');
    expect(fx.agent.status().applications.consumer!.units['consumer/1']!.leader).toBe(true);
  });

  it('remove-application tears down every unit and the relation', async () => {
    const p0 = fx.hooks('provider/0').length;
    await fx.agent.removeApplication('consumer');
    const view = fx.agent.status();
    expect(Object.keys(view.applications)).toEqual(['provider']);
    expect(view.relations).toEqual([]);
    const prov = fx.hookNames('provider/0').slice(p0);
    expect(prov).toEqual(['db-relation-departed', 'db-relation-departed', 'db-relation-broken']);
    expect(existsSync(join(fx.modelDir, 'applications', 'consumer'))).toBe(false);
    expect(existsSync(fx.charmDir('consumer/0'))).toBe(false);
    await expect(fx.agent.removeApplication('consumer')).rejects.toThrow(/application not found: consumer/);
  });
});
