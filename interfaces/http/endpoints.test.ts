import { Endpoint, KeyValueStore, type EndpointSnapshot, type RelationSnapshot } from 'rxcharm';
import { Dispatcher, FlagSet, HandlerRegistry, endpointFlagPlan } from 'rxcharm/testing';
import { HttpProvides } from './provides';
import { HttpRequires } from './requires';

const IFACE = 'http';
type HookState = { flags: string[]; hashes: Parameters<typeof endpointFlagPlan>[0]['previousHashes'] };

/** Runs one hook against in-memory relation data, with the runtime's automatic endpoint flags. */
async function runHook<T extends Endpoint>(
  name: string,
  Class: new (init: { snapshot: EndpointSnapshot; isLeader: boolean }) => T,
  relations: RelationSnapshot[],
  state: HookState,
  options: { departed?: boolean; role?: 'requires' | 'provides' } = {},
): Promise<{ endpoint: T; flags: string[] }> {
  const snapshot: EndpointSnapshot = {
    name,
    role: options.role ?? 'requires',
    interfaceName: IFACE,
    relations,
    departed: [],
  };
  const plan = endpointFlagPlan({
    endpoint: name,
    relations,
    previousHashes: state.hashes,
    departedNow: options.departed ?? false,
    currentFlags: state.flags,
  });
  const flags = new FlagSet(state.flags.filter((f) => !plan.clear.includes(f)).concat(plan.set));
  const endpoint = new Class({ snapshot, isLeader: true });
  const registry = new HandlerRegistry();
  registry.addClass(Class, {
    source: { layer: `interface:${IFACE}`, file: 'test' },
    instance: () => endpoint,
    expand: { endpoint_name: name },
  });
  await new Dispatcher({ registry, flags, kv: new KeyValueStore() }).dispatch(`${name}-relation-changed`);
  state.hashes = plan.hashes;
  state.flags = flags
    .list()
    .filter((f) => !(f.startsWith(`endpoint.${name}.changed`) || f.startsWith(`endpoint.${name}.departed`)));
  return { endpoint, flags: flags.list() };
}

function relation(
  id: string,
  units: Record<string, Record<string, string>>,
  localUnit: Record<string, string> = {},
): RelationSnapshot {
  return {
    relationId: id,
    remoteApp: Object.keys(units)[0]?.split('/')[0] ?? null,
    units,
    appData: {},
    localUnit,
    localApp: {},
  };
}

describe('HttpProvides', () => {
  it('is available while a consumer is joined and publishes port and hostname', async () => {
    const state: HookState = { flags: [], hashes: {} };
    let r = await runHook(
      'voting',
      HttpProvides,
      [relation('voting:2', { 'haproxy/0': {} }, { 'ingress-address': '10.0.0.3' })],
      state,
      { role: 'provides' },
    );
    expect(r.flags).toContain('voting.available');
    r.endpoint.configure(5000);
    expect(r.endpoint.relations[0].toPublish.diff()).toEqual({
      port: '5000',
      hostname: '10.0.0.3',
      'private-address': '10.0.0.3',
    });
    r.endpoint.configure(5002, 'vote.example');
    expect(r.endpoint.relations[0].toPublish.diff()).toEqual({
      port: '5002',
      hostname: 'vote.example',
      'private-address': '10.0.0.3',
    });
    expect(() => r.endpoint.configure(70000)).toThrow(/port/);
    r.endpoint.configureAddresses([{ port: 5000 }, { port: 5001, hostname: 'results.example' }]);
    expect(r.endpoint.relations[0].toPublish.diff()).toEqual({
      port: '5000',
      hostname: '10.0.0.3',
      'private-address': '10.0.0.3',
      extended_data: JSON.stringify([{ hostname: 'results.example', 'private-address': '10.0.0.3', port: '5001' }]),
    });
    expect(() => r.endpoint.configureAddresses([])).toThrow(/at least one/);
    r = await runHook('voting', HttpProvides, [relation('voting:2', {})], state, { role: 'provides' });
    expect(r.flags).not.toContain('voting.available');
  });
});

describe('HttpRequires', () => {
  it('is available when a unit publishes a port, and lists services by application', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const state: HookState = { flags: [], hashes: {} };
    let r = await runHook(
      'website',
      HttpRequires,
      [relation('website:1', { 'web/0': { 'private-address': '10.0.0.4' } })],
      state,
    );
    expect(r.flags).not.toContain('website.available');
    r = await runHook(
      'website',
      HttpRequires,
      [relation('website:1', { 'web/0': { 'private-address': '10.0.0.4', port: '8080' }, 'web/1': { port: 'bad' } })],
      state,
    );
    expect(r.flags).toContain('website.available');
    expect(r.endpoint.services()).toEqual([
      { serviceName: 'web', hosts: [{ unit: 'web/0', hostname: '10.0.0.4', port: 8080, privateAddress: '10.0.0.4' }] },
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unit web/1: key port'));
    r = await runHook('website', HttpRequires, [relation('website:1', {})], state, { departed: true });
    expect(r.flags).not.toContain('website.available');
    warn.mockRestore();
  });
});
