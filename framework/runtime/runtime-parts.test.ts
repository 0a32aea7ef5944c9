import { Endpoint } from '../endpoints';
import { HandlerError } from '../reactive';
import { failureReason } from './failure-reason';
import { readLayerOption } from './layer-option';
import { PortBuffer } from './port-buffer';
import { bindEndpoints } from './register-bundle';
import { createStatusHelper } from './status-helper';

describe('failureReason', () => {
  it('names the handler and keeps one line', () => {
    const e = new HandlerError('l:f:C.m', new Error('first\nsecond'), {
      hook: 'h',
      invoked: [],
      flags: [],
      iterations: 0,
      trace: [],
    });
    expect(failureReason(e)).toBe('handler l:f:C.m failed: first');
    expect(failureReason(new Error('\nonly line\n'))).toBe('only line');
    expect(failureReason('text')).toBe('text');
  });
});

describe('PortBuffer', () => {
  it('validates at once and sends in order at flush', async () => {
    const sent: string[] = [];
    const ports = new PortBuffer();
    ports.open(80);
    ports.close(8000, 'udp', 8010);
    ports.openIcmp();
    expect(() => ports.open(0)).toThrow(/invalid port/);
    expect(ports.pending()).toEqual(['open 80/tcp', 'close 8000-8010/udp', 'open icmp']);
    await ports.flush({
      openPort: async (s) => void sent.push(`+${JSON.stringify(s)}`),
      closePort: async (s) => void sent.push(`-${JSON.stringify(s)}`),
    });
    expect(sent).toEqual(['+{"port":80,"protocol":"tcp"}', '-{"port":8000,"protocol":"udp","toPort":8010}', '+"icmp"']);
    expect(ports.pending()).toEqual([]);
  });
});

describe('status helper', () => {
  const recorder = () => {
    const calls: string[] = [];
    const kv = new Map<string, unknown>();
    return {
      calls,
      tools: { statusSet: async (s: string, m: string) => void calls.push(`${s}:${m}`) },
      kv: { get: (k: string) => (kv.get(k) ?? null) as never, set: (k: string, v: unknown) => void kv.set(k, v) },
    };
  };

  it('collects the status and sets only the last one, once, at flush', async () => {
    const { calls, tools, kv } = recorder();
    const status = createStatusHelper();
    await status.maintenance('installing');
    await status.waiting('for redis');
    await status.active();
    expect(calls).toEqual([]);
    expect(status.last).toEqual({ status: 'active', message: '' });
    expect(await status.flush(tools, kv)).toBe(true);
    expect(calls).toEqual(['active:']);
  });

  it('sets nothing when the unit already shows the collected status, or none was collected', async () => {
    const { calls, tools, kv } = recorder();
    const first = createStatusHelper();
    await first.blocked('need a port');
    await first.flush(tools, kv);
    const again = createStatusHelper();
    await again.maintenance('checking');
    await again.blocked('need a port');
    expect(await again.flush(tools, kv)).toBe(false);
    expect(await createStatusHelper().flush(tools, kv)).toBe(false);
    expect(calls).toEqual(['blocked:need a port']);
  });
});

describe('bindEndpoints and layer options', () => {
  class Req extends Endpoint {}
  it('uses the interface class for the role, else the plain Endpoint', () => {
    const bundle = {
      charmName: 'c',
      modules: [],
      interfaces: [{ name: 'kv', exports: { requires: Req, provides: 'nope' } }],
      layerOptions: {},
    };
    const b = bindEndpoints(bundle, { requires: { db: 'kv' }, provides: { api: 'kv' }, peers: { p: 'other' } });
    expect(b.map((x) => [x.name, x.role, x.Class.name])).toEqual([
      ['api', 'provides', 'Endpoint'],
      ['db', 'requires', 'Req'],
      ['p', 'peers', 'Endpoint'],
    ]);
  });

  it('reads layer options and names what exists when one is missing', () => {
    const options = { basic: { packages: ['a'] }, docker: { 'skip-install': true } };
    expect(readLayerOption(options, 'docker', 'skip-install')).toBe(true);
    expect(() => readLayerOption(options, 'docker', 'nope')).toThrow(
      'unknown layer option: docker.nope (defined: basic.packages, docker.skip-install)',
    );
  });
});
