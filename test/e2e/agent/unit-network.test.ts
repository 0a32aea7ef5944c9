/**
 * The local agent with a unit network, its host side in memory and a fake Docker engine: each
 * unit gets its own address (hooks see it through unit-get and the relation bags), a removed
 * unit releases it, destroy-model tears the network down, and an agent that cannot set the
 * network up falls back to the shared address and says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalAgent, MemoryHostInterfaces, ModelState, UnitNetwork, type HookEvent } from '../../../framework/agent';
import { FakeDockerClient } from '../../../framework/testing/docker/fake-docker-client';
import { AgentFixture, CHARMS } from './agent-fixture';

function agentWith(fx: AgentFixture, network: UnitNetwork, events: HookEvent[] = []): LocalAgent {
  return new LocalAgent({
    onHook: (event) => events.push(event),
    modelDir: fx.modelDir,
    parallel: false,
    address: '10.1.2.3',
    basePath: process.env.PATH ?? '/usr/bin:/bin',
    unitNetwork: network,
  });
}

describe('local agent: units as machines', () => {
  let fx: AgentFixture;
  beforeEach(() => {
    fx = new AgentFixture();
  });
  afterEach(() => fx.dispose());

  it('gives each unit its own address, seen by hooks, status and the relation bags; releases it on removal', async () => {
    const docker = new FakeDockerClient();
    const host = new MemoryHostInterfaces();
    const events: HookEvent[] = [];
    const agent = agentWith(fx, new UnitNetwork(docker, host), events);
    await agent.deploy(join(CHARMS, 'provider'));
    await agent.deploy(join(CHARMS, 'consumer'), { units: 1 });
    expect(await agent.addUnit('consumer', 2)).toEqual(['consumer/1', 'consumer/2']);
    const status = agent.status();
    expect(status.model.network).toEqual({
      name: expect.stringMatching(/^rxcharm-units-[0-9a-f]{8}$/),
      bridge: expect.stringMatching(/^rxu-[0-9a-f]{8}$/),
      subnet: '10.213.0.0/24',
    });
    const address = (unit: string) => status.applications[unit.split('/')[0]!]!.units[unit]!.address;
    expect(['provider/0', 'consumer/0', 'consumer/1', 'consumer/2'].map(address)).toEqual([
      '10.213.0.2',
      '10.213.0.3',
      '10.213.0.4',
      '10.213.0.5',
    ]);
    const bridge = status.model.network!.bridge;
    expect(host.devices.get(bridge)).toEqual(['10.213.0.2/24', '10.213.0.3/24', '10.213.0.4/24', '10.213.0.5/24']);
    // The hooks see the unit's own address in the relation bags (written by the agent on entry).
    const relation = await agent.relate('consumer:db', 'provider');
    const data = readFileSync(join(fx.charmDir('consumer/1'), 'data.log'), 'utf8');
    expect(data).toContain('"ingress-address":"10.213.0.2","private-address":"10.213.0.2"');
    const model = new ModelState(JSON.parse(fx.modelFile()));
    expect(model.relation(relation.id).unitData['consumer/2']).toMatchObject({
      'private-address': '10.213.0.5',
      'egress-subnets': '10.213.0.5/32',
    });

    await agent.removeUnit('consumer/1');
    expect(host.devices.get(bridge)).toEqual(['10.213.0.2/24', '10.213.0.3/24', '10.213.0.5/24']);
    expect(await agent.addUnit('consumer')).toEqual(['consumer/3']);
    expect(agent.status().applications.consumer!.units['consumer/3']!.address).toBe('10.213.0.6');

    // dockerd recreated the bridge: the next command puts the addresses back.
    host.devices.set(bridge, []);
    await agent.updateStatus();
    expect(host.devices.get(bridge)).toHaveLength(4);

    await agent.destroyModel();
    expect(host.devices.get(bridge)).toEqual([]);
    expect(docker.snapshot().networks).toEqual([]);
    expect(existsSync(join(fx.modelDir, 'model.json'))).toBe(false);
    // Every unit ran its teardown before the network went.
    const provider = events.filter((e) => e.unit === 'provider/0').map((e) => e.hook);
    expect(provider.slice(-5)).toEqual([
      'db-relation-departed',
      'db-relation-departed',
      'db-relation-broken',
      'stop',
      'remove',
    ]);
  });

  it('gives new units no address while the host refuses to add one (not root)', async () => {
    const host = new MemoryHostInterfaces();
    host.refuseAdd = 'RTNETLINK answers: Operation not permitted';
    const agent = agentWith(fx, new UnitNetwork(new FakeDockerClient(), host));
    await agent.deploy(join(CHARMS, 'provider'));
    await agent.addUnit('provider');
    const status = agent.status();
    expect(status.model.warning).toContain('Operation not permitted');
    expect(Object.values(status.applications.provider!.units).map((u) => u.address)).toEqual(['10.1.2.3', '10.1.2.3']);
    host.refuseAdd = undefined;
    await agent.addUnit('provider');
    const after = agent.status();
    expect(after.model.warning).toBeUndefined();
    expect(after.applications.provider!.units['provider/2']!.address).toMatch(/^10\.213\.0\.\d+$/);
    await agent.destroyModel();
  });

  it('leaves no network behind for a model that was never saved', async () => {
    const docker = new FakeDockerClient();
    const agent = agentWith(fx, new UnitNetwork(docker, new MemoryHostInterfaces()));
    await agent.wait();
    await expect(agent.config('nothing', ['a=b'])).rejects.toThrow(/application not found: nothing/);
    expect(docker.snapshot().networks).toEqual([]);
    expect(existsSync(join(fx.modelDir, 'model.json'))).toBe(false);
    // Once the model exists, its network is recorded with it and found again by the next command.
    await agent.deploy(join(CHARMS, 'provider'));
    await agent.wait();
    expect(docker.snapshot().networks).toHaveLength(1);
    expect(new ModelState(JSON.parse(fx.modelFile())).data.unitNetwork?.name).toBe(docker.snapshot().networks[0]!.name);
    await agent.destroyModel();
  });

  it('falls back to the shared address with a warning when the network cannot be set up', async () => {
    const agent = agentWith(
      fx,
      new UnitNetwork(new FakeDockerClient({ available: false }), new MemoryHostInterfaces()),
    );
    await agent.deploy(join(CHARMS, 'provider'), { units: 2 });
    const status = agent.status();
    expect(status.model.network).toBeUndefined();
    expect(status.model.warning).toMatch(/^unit network unavailable, units without an address share 10\.1\.2\.3: /);
    expect(Object.values(status.applications.provider!.units).map((u) => u.address)).toEqual(['10.1.2.3', '10.1.2.3']);
    expect(readFileSync(join(fx.modelDir, 'debug.log'), 'utf8')).toMatch(
      /WARNING agent\.unit-network: unit network unavailable/,
    );
  });
});
