import { FakeDockerClient } from '../../testing/docker/fake-docker-client';
import { testModel } from '../internal/test-model';
import { addUnits } from '../model/deploy-ops';
import { removeUnit } from '../model/removal-ops';
import type { ModelState } from '../model/model-state';
import { UnitNetworkError } from '../errors';
import { runTool } from '../tools/run-tool';
import { testEnv, testExec } from '../internal/test-model';
import { enterRelationScopes } from '../model/unit-addresses';
import { parseEndpointSpec, relate } from '../model/relation-ops';
import { parseRoutes } from './host-interfaces';
import { parseIpAddrOutput } from '../host-address';
import { MemoryHostInterfaces as FakeHost } from './memory-host-interfaces';
import { UNIT_NETWORK_LABEL, UnitNetwork } from './unit-network';

function addresses(model: ModelState): Record<string, string | undefined> {
  return Object.fromEntries(model.allUnits().map((u) => [u.name, u.address]));
}

/** A unit network on fakes, ensured for a fresh test model whose units all got an address. */
async function networkWithUnits(): Promise<{
  docker: FakeDockerClient;
  host: FakeHost;
  network: UnitNetwork;
  model: ModelState;
}> {
  const docker = new FakeDockerClient();
  const host = new FakeHost();
  const network = new UnitNetwork(docker, host);
  const model = testModel();
  await network.ensure(model);
  for (const unit of model.allUnits()) network.assign(model, unit);
  return { docker, host, network, model };
}

describe('UnitNetwork', () => {
  it('creates one labelled bridge network per model on a free /24 and puts each unit address on it', async () => {
    const docker = new FakeDockerClient();
    const host = new FakeHost(['172.17.0.0/16', '10.213.0.0/24']);
    const network = new UnitNetwork(docker, host);
    const model = testModel();
    const record = await network.ensure(model);
    expect(record).toEqual({ name: 'rxcharm-units-00000000', bridge: 'rxu-00000000', subnet: '10.213.1.0/24' });
    expect(docker.snapshot().networks.map((n) => [n.name, n.labels[UNIT_NETWORK_LABEL]])).toEqual([
      ['rxcharm-units-00000000', model.data.uuid],
    ]);
    for (const unit of model.allUnits()) network.assign(model, unit);
    expect(addresses(model)).toEqual({ 'app/0': '10.213.1.2', 'app/1': '10.213.1.3', 'client/0': '10.213.1.4' });
    network.syncAddresses(model);
    expect(host.devices.get('rxu-00000000')).toEqual(['10.213.1.2/24', '10.213.1.3/24', '10.213.1.4/24']);
  });

  it('is idempotent, and puts the addresses back when the bridge lost them', async () => {
    const { docker, host, network, model } = await networkWithUnits();
    await network.ensure(model);
    await network.ensure(model);
    expect(host.devices.get('rxu-00000000')).toHaveLength(3);
    expect(docker.snapshot().networks).toHaveLength(1);
    // dockerd recreated the network (and bridge): the addresses are gone.
    await docker.removeNetwork('rxcharm-units-00000000');
    host.devices.set('rxu-00000000', []);
    await network.ensure(model);
    expect(docker.snapshot().networks).toHaveLength(1);
    expect(host.devices.get('rxu-00000000')).toEqual(['10.213.0.2/24', '10.213.0.3/24', '10.213.0.4/24']);
  });

  it('releases the address of a removed unit and hands out a fresh one to the next unit', async () => {
    const { host, network, model } = await networkWithUnits();
    network.syncAddresses(model);
    removeUnit(model, 'app/0');
    // The unit leaves the model once its `remove` hook ran.
    delete model.app('app').units['app/0'];
    network.syncAddresses(model);
    expect(host.devices.get('rxu-00000000')).toEqual(['10.213.0.3/24', '10.213.0.4/24']);
    const [added] = addUnits(model, 'app', 1);
    network.assign(model, added!);
    expect(added!.address).toBe('10.213.0.5');
    // A unit keeps its address: assigning again changes nothing.
    network.assign(model, added!);
    expect(added!.address).toBe('10.213.0.5');
  });

  it('leaves addresses outside the unit range alone', async () => {
    const host = new FakeHost();
    const network = new UnitNetwork(new FakeDockerClient(), host);
    const model = testModel();
    await network.ensure(model);
    host.devices.set('rxu-00000000', ['10.213.0.1/24', '10.213.0.200/24', '10.213.0.9/24']);
    network.syncAddresses(model);
    expect(host.devices.get('rxu-00000000')).toEqual(['10.213.0.1/24', '10.213.0.200/24']);
  });

  it('fails with a typed error when the bridge is missing or Docker refuses every subnet', async () => {
    const host = new FakeHost();
    const network = new UnitNetwork(new FakeDockerClient(), host);
    const model = testModel();
    host.missing.add('rxu-00000000');
    await expect(network.ensure(model)).rejects.toThrow(UnitNetworkError);
    await expect(network.ensure(model)).rejects.toThrow(/bridge rxu-00000000 does not exist/);

    const down = new UnitNetwork(new FakeDockerClient({ available: false }), new FakeHost());
    const other = testModel();
    await expect(down.ensure(other)).rejects.toThrow(UnitNetworkError);
    expect(other.data.unitNetwork).toBeUndefined();
  });

  it("replaces a network of the model's own that the model never recorded, and refuses a stranger's", async () => {
    const model = testModel();
    const docker = new FakeDockerClient();
    await docker.createNetwork({ name: 'rxcharm-units-00000000', labels: { [UNIT_NETWORK_LABEL]: model.data.uuid } });
    const network = new UnitNetwork(docker, new FakeHost());
    await expect(network.ensure(model)).resolves.toMatchObject({ subnet: '10.213.0.0/24' });
    expect(docker.snapshot().networks).toHaveLength(1);

    const other = testModel();
    const strange = new FakeDockerClient();
    await strange.createNetwork({ name: 'rxcharm-units-00000000', labels: { [UNIT_NETWORK_LABEL]: 'another' } });
    await expect(new UnitNetwork(strange, new FakeHost()).ensure(other)).rejects.toThrow(/belongs to no model/);
  });

  it('destroy removes the unit addresses and the Docker network, and forgets them', async () => {
    const { docker, host, network, model } = await networkWithUnits();
    network.syncAddresses(model);
    await network.destroy(model);
    expect(host.devices.get('rxu-00000000')).toEqual([]);
    expect(docker.snapshot().networks).toEqual([]);
    expect(model.data.unitNetwork).toBeUndefined();
    expect(addresses(model)).toEqual({ 'app/0': undefined, 'app/1': undefined, 'client/0': undefined });
    await network.destroy(model);
  });

  it('unit-get, network-get and the relation bags use the unit’s own address', async () => {
    const { model } = await networkWithUnits();
    const env = { ...testEnv(model, testExec('app/1', 'install')), address: '10.213.0.3', subnet: '10.213.0.0/24' };
    expect(runTool(env, 'unit-get', ['private-address']).stdout).toBe('10.213.0.3\n');
    const net = JSON.parse(runTool(env, 'network-get', ['db', '--format=json']).stdout!) as {
      'bind-addresses': Array<{ addresses: Array<{ value: string; cidr: string }> }>;
    };
    expect(net['bind-addresses'][0]!.addresses[0]).toEqual({
      hostname: '',
      value: '10.213.0.3',
      cidr: '10.213.0.0/24',
    });
    expect(runTool(env, 'network-get', ['db', '--bind-address']).stdout).toBe('10.213.0.3\n');
    const relation = relate(model, parseEndpointSpec('app:db'), parseEndpointSpec('client:db'));
    enterRelationScopes(model, (name) => model.findUnit(name)?.address ?? 'shared');
    expect(relation.unitData['app/1']).toEqual({
      'private-address': '10.213.0.3',
      'ingress-address': '10.213.0.3',
      'egress-subnets': '10.213.0.3/32',
    });
    expect(relation.unitData['client/0']?.['private-address']).toBe('10.213.0.4');
  });
});

describe('iproute2 output', () => {
  it('reads route destinations without the default route', () => {
    const text = [
      'default via 192.0.2.1 dev eth0',
      '172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown',
      '192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.2',
      'blackhole 10.99.0.0/16',
      '203.0.113.7 via 192.0.2.1 dev eth0',
      '',
    ].join('\n');
    expect(parseRoutes(text)).toEqual(['172.17.0.0/16', '192.0.2.0/24', '10.99.0.0/16', '203.0.113.7/32']);
  });

  it('reads a device’s addresses with their prefix (`ip -4 -o addr show dev X`)', () => {
    const text =
      '3030: rxu-exp    inet 10.213.0.1/24 brd 10.213.0.255 scope global rxu-exp\\       valid_lft forever\n' +
      '3030: rxu-exp    inet 10.213.0.11/24 scope global secondary rxu-exp\\       valid_lft forever\n';
    expect(parseIpAddrOutput(text).map((a) => `${a.address}/${a.prefix}`)).toEqual(['10.213.0.1/24', '10.213.0.11/24']);
  });
});
