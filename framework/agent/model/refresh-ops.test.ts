import { CharmRefreshError } from '../errors';
import { testCharm, testModel } from '../internal/test-model';
import { hookFinished, hookStarted } from './hook-progress';
import type { ModelState } from './model-state';
import { applyRefresh, planRefresh } from './refresh-ops';
import { relate } from './relation-ops';
import type { CharmInfo } from './types';

function drain(model: ModelState): string[] {
  const ran: string[] = [];
  for (let units = model.runnableUnits(); units.length > 0; units = model.runnableUnits()) {
    const unit = units.reduce((a, b) => (a.queue[0]!.seq <= b.queue[0]!.seq ? a : b));
    const hook = unit.queue[0]!;
    hookStarted(model, unit, hook);
    ran.push(`${unit.name}:${hook.hook}${hook.remoteUnit ? `:${hook.remoteUnit}` : ''}`);
    hookFinished(model, unit, hook, true);
  }
  return ran;
}

function without(charm: CharmInfo, endpoint: string): CharmInfo {
  return { ...charm, endpoints: charm.endpoints.filter((e) => e.name !== endpoint) };
}

describe('refresh (pure)', () => {
  it('queues upgrade-charm then config-changed on every unit and keeps unit state', () => {
    const model = testModel();
    drain(model);
    model.unit('app/0').ports = ['8080/tcp'];
    const app = model.app('app');
    const plan = planRefresh(model, app, testCharm('app', 'provides'));
    expect(applyRefresh(model, 'app', { charm: testCharm('app', 'provides'), source: '/new' }, plan)).toEqual([
      'app/0',
      'app/1',
    ]);
    expect(drain(model)).toEqual([
      'app/0:upgrade-charm',
      'app/0:config-changed',
      'app/1:upgrade-charm',
      'app/1:config-changed',
    ]);
    expect(model.unit('app/0').ports).toEqual(['8080/tcp']);
    expect(model.app('app').leader).toBe('app/0');
    expect(model.app('app').source).toBe('/new');
  });

  it('keeps config that still fits, drops removed or retyped options, reports new ones', () => {
    const model = testModel();
    model.app('app').config = { greeting: 'hi', port: 9000, ratio: 0.25 };
    const base = testCharm('app', 'provides');
    const { ratio: _ratio, ...options } = base.config;
    const next: CharmInfo = {
      ...base,
      config: { ...options, port: { type: 'string', default: '80' }, colour: { type: 'string', default: 'blue' } },
    };
    const plan = planRefresh(model, model.app('app'), next);
    expect(plan).toMatchObject({ droppedConfig: ['port', 'ratio'], addedConfig: ['colour'] });
    applyRefresh(model, 'app', { charm: next, source: '/new' }, plan);
    expect(model.app('app').config).toEqual({ greeting: 'hi' });
  });

  it('refuses a charm that drops an endpoint still related, naming the relation', () => {
    const model = testModel();
    drain(model);
    relate(model, { app: 'client' }, { app: 'app', endpoint: 'db' });
    drain(model);
    const refuse = () => planRefresh(model, model.app('app'), without(testCharm('app', 'provides'), 'db'));
    expect(refuse).toThrow(CharmRefreshError);
    expect(refuse).toThrow(/would break relation client:db app:db: the new charm has no endpoint "db"/);
  });

  it('refuses an endpoint whose interface changes while related', () => {
    const model = testModel();
    relate(model, { app: 'client' }, { app: 'app', endpoint: 'db' });
    const base = testCharm('app', 'provides');
    const next = { ...base, endpoints: base.endpoints.map((e) => (e.name === 'db' ? { ...e, interface: 'sql' } : e)) };
    expect(() => planRefresh(model, model.app('app'), next)).toThrow(/changes from provides kv to provides sql/);
  });

  it('allows dropping an endpoint nothing is related on', () => {
    const model = testModel();
    expect(planRefresh(model, model.app('app'), without(testCharm('app', 'provides'), 'db')).newPeers).toEqual([]);
  });

  it('refuses a charm of another name', () => {
    const model = testModel();
    expect(() => planRefresh(model, model.app('app'), testCharm('other', 'provides'))).toThrow(
      /the new charm is "other", the application runs "app"/,
    );
  });

  it('creates a peer relation the new charm adds and joins the units on it', () => {
    const model = testModel();
    drain(model);
    const base = testCharm('app', 'provides');
    const next = {
      ...base,
      endpoints: [...base.endpoints, { name: 'ring', role: 'peers' as const, interface: 'ring' }],
    };
    const plan = planRefresh(model, model.app('app'), next);
    expect(plan.newPeers).toEqual(['ring']);
    applyRefresh(model, 'app', { charm: next, source: '/new' }, plan);
    const ran = drain(model).filter((h) => h.startsWith('app/0:'));
    expect(ran).toEqual([
      'app/0:upgrade-charm',
      'app/0:config-changed',
      'app/0:ring-relation-created',
      'app/0:ring-relation-joined:app/1',
      'app/0:ring-relation-changed:app/1',
    ]);
  });
});
