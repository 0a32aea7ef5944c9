import { hookFinished } from '../model/hook-progress';
import { relate } from '../model/relation-ops';
import { testModel } from '../internal/test-model';
import { formatStatusTable, modelStatus } from './model-status';

describe('modelStatus / formatStatusTable', () => {
  it('shows apps, units (leader, ports, error) and relations like juju status', () => {
    const model = testModel();
    relate(model, { app: 'client' }, { app: 'app' });
    model.setUnitStatus(model.unit('app/0'), 'active', 'ready');
    model.setUnitStatus(model.unit('app/1'), 'active', 'ready');
    model.unit('app/0').ports = ['80/tcp'];
    model.app('app').workloadVersion = '7.2';
    model.data.unitNetwork = { name: 'rxcharm-units-0', bridge: 'rxu-0', subnet: '10.213.0.0/24' };
    model.unit('app/0').address = '10.213.0.2';
    model.unit('app/1').address = '10.213.0.3';
    const failing = model.unit('client/0');
    hookFinished(model, failing, failing.queue[0]!, false);
    const view = modelStatus(model, () => '172.17.0.1');
    expect(view.model.network).toEqual({ name: 'rxcharm-units-0', bridge: 'rxu-0', subnet: '10.213.0.0/24' });
    expect(view.applications.app!.units['app/1']!.address).toBe('10.213.0.3');
    // A unit created without the network shares the fallback address.
    expect(view.applications.client!.units['client/0']!.address).toBe('172.17.0.1');
    expect(view.applications.client).toMatchObject({ status: 'error', message: 'hook failed: "install"', scale: 1 });
    expect(view.applications.app!.units['app/0']).toMatchObject({
      workload: 'active',
      agent: 'executing',
      leader: true,
      ports: ['80/tcp'],
    });
    expect(view.relations.map((r) => `${r.provider} ${r.requirer} ${r.type}`)).toEqual([
      'app:cluster app:cluster peer',
      'client:cluster client:cluster peer',
      'app:db client:db regular',
    ]);
    const text = formatStatusTable(view);
    expect(text).toContain(
      'App     Version  Status  Scale  Charm   Message\napp     7.2      active  2      app     ready\nclient           error   1      client  hook failed: "install"\n',
    );
    expect(text).toMatch(/^test\s+rxcharm local\s+10\.213\.0\.0\/24$/m);
    expect(text).toMatch(/app\/0\*\s+active\s+executing\s+10\.213\.0\.2\s+80\/tcp\s+ready/);
    expect(text).toMatch(/app\/1\s+active\s+executing\s+10\.213\.0\.3\s+ready/);
    expect(text).toMatch(/client\/0\*\s+error\s+error\s+172\.17\.0\.1\s+hook failed: "install"/);
    expect(text).toMatch(/app:db\s+client:db\s+kv\s+regular/);
  });

  it('says when the model is empty', () => {
    const view = { model: { name: 'm', uuid: 'u' }, applications: {}, relations: [] };
    expect(formatStatusTable(view)).toBe(
      'Model  Agent          Unit network\nm      rxcharm local  shared address\n\nModel "m" is empty.\n',
    );
  });

  it('warns when units share one address because the unit network could not be set up', () => {
    const view = {
      model: { name: 'm', uuid: 'u', warning: 'unit network unavailable' },
      applications: {},
      relations: [],
    };
    expect(formatStatusTable(view)).toContain('rxcharm local  shared address\nWarning: unit network unavailable\n');
  });
});
