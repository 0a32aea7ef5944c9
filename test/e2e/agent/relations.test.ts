import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModelState } from '../../../framework/agent';
import { AgentFixture, CHARMS } from './agent-fixture';

/** Hook names of a unit after index `from`. */
function after(fx: AgentFixture, unit: string, from: number): string[] {
  return fx.hooks(unit).slice(from);
}

describe('local agent: relations', () => {
  let fx: AgentFixture;
  beforeEach(async () => {
    fx = new AgentFixture();
    await fx.agent.deploy(join(CHARMS, 'provider'));
    await fx.agent.deploy(join(CHARMS, 'consumer'), { units: 2 });
  });
  afterEach(() => fx.dispose());

  it('lists the candidates when the endpoints are ambiguous', async () => {
    await expect(fx.agent.relate('consumer', 'provider')).rejects.toThrow(
      'ambiguous relation between consumer and provider; name the endpoints, one of:\n  consumer:db provider:db (kv)\n  consumer:backup provider:db (kv)',
    );
    await expect(fx.agent.relate('consumer:cluster', 'provider')).rejects.toThrow(/no relation possible/);
  });

  it('relates: created, then joined followed by changed per remote unit; data crosses over', async () => {
    const p0 = fx.hooks('provider/0').length;
    const c0 = fx.hooks('consumer/0').length;
    const relation = await fx.agent.relate('consumer:db', 'provider');
    const id = relation.id;
    const prov = after(fx, 'provider/0', p0).map((l) => l.split('|').slice(0, 3).join('|'));
    expect(prov[0]).toBe(`db-relation-created||db:${id}`);
    for (const remote of ['consumer/0', 'consumer/1']) {
      const joined = prov.indexOf(`db-relation-joined|${remote}|db:${id}`);
      expect(joined).toBeGreaterThan(0);
      expect(prov[joined + 1]).toBe(`db-relation-changed|${remote}|db:${id}`);
    }
    expect(
      after(fx, 'consumer/0', c0)
        .slice(0, 3)
        .map((l) => l.split('|')[0]),
    ).toEqual(['db-relation-created', 'db-relation-joined', 'db-relation-changed']);
    // The consumer saw the provider's committed data in a relation-changed hook.
    const data = readFileSync(join(fx.charmDir('consumer/0'), 'data.log'), 'utf8');
    const addresses =
      '"egress-subnets":"10.1.2.3/32","greeting":"hello","ingress-address":"10.1.2.3","private-address":"10.1.2.3"';
    expect(data).toContain(`db-relation-changed provider/0 {${addresses},"unit":"provider/0"}`);
    const model = new ModelState(JSON.parse(fx.modelFile()));
    const rel = model.relation(id);
    // Juju's address keys are there from the unit's entry into the relation.
    expect(rel.unitData['provider/0']).toEqual({
      'private-address': '10.1.2.3',
      'ingress-address': '10.1.2.3',
      'egress-subnets': '10.1.2.3/32',
      greeting: 'hello',
      unit: 'provider/0',
    });
    expect(rel.appData.provider).toEqual({ leader: 'provider/0' });
    expect(rel.scope['provider/0']).toEqual(['consumer/0', 'consumer/1']);
  });

  it('wakes relation-changed on the remote units once per committed change', async () => {
    await fx.agent.relate('consumer:db', 'provider');
    const c0 = fx.hooks('consumer/0').length;
    const c1 = fx.hooks('consumer/1').length;
    await fx.agent.config('provider', ['greeting=bye']);
    for (const [unit, from] of [
      ['consumer/0', c0],
      ['consumer/1', c1],
    ] as const) {
      const changed = after(fx, unit, from).filter((l) => l.startsWith('db-relation-changed|'));
      expect(changed).toEqual([expect.stringMatching(/^db-relation-changed\|provider\/0\|db:\d+\|\|provider\/0,$/)]);
    }
    const data = readFileSync(join(fx.charmDir('consumer/1'), 'data.log'), 'utf8')
      .trim()
      .split('\n');
    expect(data[data.length - 1]).toBe(
      'db-relation-changed provider/0 {"egress-subnets":"10.1.2.3/32","greeting":"bye","ingress-address":"10.1.2.3","private-address":"10.1.2.3","unit":"provider/0"}',
    );
    // Setting the same value again commits nothing new, so nothing wakes.
    const again = fx.hooks('consumer/0').length;
    await fx.agent.config('provider', ['greeting=bye']);
    expect(fx.hooks('consumer/0').length).toBe(again);
  });

  it('unrelates: departed per remote unit, then broken; the relation leaves the model', async () => {
    const relation = await fx.agent.relate('consumer:db', 'provider');
    const p0 = fx.hooks('provider/0').length;
    const c1 = fx.hooks('consumer/1').length;
    await fx.agent.unrelate('provider', 'consumer:db');
    const id = relation.id;
    expect(after(fx, 'provider/0', p0)).toEqual([
      `db-relation-departed|consumer/0|db:${id}|consumer/0|consumer/1,`,
      `db-relation-departed|consumer/1|db:${id}|consumer/1|`,
      `db-relation-broken||db:${id}||`,
    ]);
    expect(after(fx, 'consumer/1', c1)).toEqual([
      `db-relation-departed|provider/0|db:${id}|provider/0|`,
      `db-relation-broken||db:${id}||`,
    ]);
    const model = new ModelState(JSON.parse(fx.modelFile()));
    expect(model.findRelation(id)).toBeUndefined();
    expect(fx.agent.status().relations.map((r) => r.type)).toEqual(['peer']);
    await expect(fx.agent.unrelate('provider', 'consumer:db')).rejects.toThrow(/relation not found/);
  });

  it('joins a new unit to existing relations, both ways', async () => {
    await fx.agent.relate('consumer:db', 'provider');
    const p0 = fx.hooks('provider/0').length;
    const [added] = await fx.agent.addUnit('consumer');
    expect(added).toBe('consumer/2');
    const names = fx.hookNames('consumer/2');
    expect(names.slice(0, 6)).toEqual([
      'install',
      'cluster-relation-created',
      'db-relation-created',
      'leader-settings-changed',
      'config-changed',
      'start',
    ]);
    expect(
      after(fx, 'provider/0', p0)
        .slice(0, 2)
        .map((l) => l.split('|').slice(0, 2).join('|')),
    ).toEqual(['db-relation-joined|consumer/2', 'db-relation-changed|consumer/2']);
  });
});
