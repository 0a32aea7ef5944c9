import { isServerHost, selectBackends } from './backends';

describe('selectBackends', () => {
  it('takes every host of every application, sorted by unit, with HAProxy server names', () => {
    const { backends, skipped } = selectBackends([
      { serviceName: 'web', hosts: [{ unit: 'web/10', hostname: '10.0.0.10', port: 80 }] },
      {
        serviceName: 'voting-app',
        hosts: [
          { unit: 'voting-app/2', hostname: 'vote-2.internal', port: 5000 },
          { unit: 'voting-app/0', hostname: 'fd00::1', port: 5000 },
        ],
      },
    ]);
    expect(skipped).toEqual([]);
    expect(backends).toEqual([
      { unit: 'voting-app/0', name: 'voting-app-0', host: 'fd00::1', port: 5000 },
      { unit: 'voting-app/2', name: 'voting-app-2', host: 'vote-2.internal', port: 5000 },
      { unit: 'web/10', name: 'web-10', host: '10.0.0.10', port: 80 },
    ]);
  });

  it('skips, naming them, units whose data HAProxy must not read', () => {
    const { backends, skipped } = selectBackends(
      [
        {
          serviceName: 'web',
          hosts: [
            { unit: 'web/0', hostname: '10.0.0.1 backup', port: 80 },
            { unit: 'web/1', hostname: '10.0.0.2\n  server evil 1.2.3.4:80', port: 80 },
            { unit: 'web/2', hostname: 'ok.example', port: 70000 },
            { unit: 'web/3', hostname: 'a#b', port: 80 },
            { unit: 'web/4', hostname: '10.0.0.4', port: 8080 },
          ],
        },
      ],
      [{ unit: 'web/5', key: 'port', kind: 'missing', reason: 'no port published yet' }],
    );
    expect(backends.map((b) => b.unit)).toEqual(['web/4']);
    expect(skipped.map((s) => s.unit)).toEqual(['web/0', 'web/1', 'web/2', 'web/3', 'web/5']);
    expect(skipped[0]?.reason).toBe('hostname: not a host name or address: "10.0.0.1 backup"');
    expect(skipped[2]?.reason).toBe('port: out of range: 70000');
    expect(skipped[4]?.reason).toBe('port: no port published yet');
  });
  it('names each address of a unit serving on several uniquely', () => {
    const { backends } = selectBackends([
      {
        serviceName: 'web',
        hosts: [
          { unit: 'web/0', hostname: '10.0.0.2', port: 80 },
          { unit: 'web/0', hostname: '10.0.0.2', port: 8080 },
        ],
      },
    ]);
    expect(backends.map((b) => b.name)).toEqual(['web-0', 'web-0-2']);
  });
});

describe('isServerHost', () => {
  it.each(['10.1.2.3', 'localhost', 'a-b.example.org', '::1', 'fd00::1:2'])('accepts %s', (h) => {
    expect(isServerHost(h)).toBe(true);
  });
  it.each(['', 'a b', 'a;b', '-a', 'a_b', 'x'.repeat(254), '1.2.3.4:80', '[::1]'])('refuses %j', (h) => {
    expect(isServerHost(h)).toBe(false);
  });
});
