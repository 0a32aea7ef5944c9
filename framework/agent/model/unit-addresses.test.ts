import { testEnv, testExec, testModel } from '../internal/test-model';
import { runTool } from '../tools/run-tool';
import { relate, unrelate } from './relation-ops';
import { addUnits } from './deploy-ops';
import { enterRelationScopes, unitAddressSettings } from './unit-addresses';

describe('enterRelationScopes', () => {
  it('writes Juju’s address keys into each participant’s own bag once', () => {
    const model = testModel();
    const relation = relate(model, { app: 'client' }, { app: 'app' });
    expect(enterRelationScopes(model, () => '10.1.2.3')).toBe(true);
    for (const unit of ['app/0', 'app/1', 'client/0'])
      expect(relation.unitData[unit]).toEqual({
        'private-address': '10.1.2.3',
        'ingress-address': '10.1.2.3',
        'egress-subnets': '10.1.2.3/32',
      });
    // peer relations get them too
    const peers = model.data.relations.find((r) => r.endpoints.length === 1 && r.endpoints[0].app === 'app')!;
    expect(peers.unitData['app/0']?.['egress-subnets']).toBe('10.1.2.3/32');
    // a charm's own change is kept: the keys are written on entry only
    relation.unitData['app/0']!['ingress-address'] = 'proxy.example';
    delete relation.unitData['app/0']!['private-address'];
    expect(enterRelationScopes(model, () => '10.1.2.3')).toBe(false);
    expect(relation.unitData['app/0']).toEqual({ 'ingress-address': 'proxy.example', 'egress-subnets': '10.1.2.3/32' });
  });

  it('covers units added later and skips dying relations', () => {
    const model = testModel();
    const relation = relate(model, { app: 'client' }, { app: 'app' });
    enterRelationScopes(model, () => '10.0.0.1');
    addUnits(model, 'client', 1);
    expect(enterRelationScopes(model, (unit) => (unit === 'client/1' ? '10.0.0.2' : 'x'))).toBe(true);
    expect(relation.unitData['client/1']?.['private-address']).toBe('10.0.0.2');
    unrelate(model, { app: 'client' }, { app: 'app' });
    addUnits(model, 'app', 1);
    enterRelationScopes(model, () => '10.0.0.3');
    expect(relation.unitData['app/2']).toBeUndefined();
  });

  it('uses a /128 for an IPv6 address', () => {
    expect(unitAddressSettings('fd00::5')['egress-subnets']).toBe('fd00::5/128');
  });

  it('is what relation-get shows of the unit’s own bag, and matches network-get -r', () => {
    const model = testModel();
    const relation = relate(model, { app: 'client' }, { app: 'app' });
    enterRelationScopes(model, () => '10.0.0.5');
    const env = testEnv(model, testExec('client/0', 'db-relation-created', { id: relation.id, remoteApp: 'app' }));
    const own = JSON.parse(runTool(env, 'relation-get', ['--format=json', '-', 'client/0']).stdout ?? '') as unknown;
    expect(own).toEqual(unitAddressSettings('10.0.0.5'));
    const network = JSON.parse(
      runTool(env, 'network-get', ['db', '-r', String(relation.id), '--format=json']).stdout ?? '',
    ) as { 'ingress-addresses': string[]; 'egress-subnets': string[]; 'bind-addresses': unknown[] };
    expect(network['ingress-addresses']).toEqual(['10.0.0.5']);
    expect(network['egress-subnets']).toEqual(['10.0.0.5/32']);
    expect(network['bind-addresses']).toEqual([
      {
        'mac-address': '',
        'interface-name': '',
        addresses: [{ hostname: '', value: '10.0.0.5', cidr: '10.0.0.0/16' }],
      },
    ]);
  });
});
