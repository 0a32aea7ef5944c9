import { endpointHookRunner, relationSnapshot, type EndpointHookState } from 'rxcharm/testing';
import { HttpProvides } from './provides';
import { HttpRequires } from './requires';

type HookState = EndpointHookState;
const runHook = endpointHookRunner('http');
const relation = relationSnapshot;

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
