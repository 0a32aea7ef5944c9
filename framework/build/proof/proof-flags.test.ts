import { checkFlags } from './proof-flags';

const context = {
  endpoints: [{ name: 'cache', role: 'requires' as const, interface: 'redis' }],
  configOptions: ['port'],
};

describe('checkFlags', () => {
  it('accepts flags set by the runtime, by interfaces ({endpoint_name} expanded) and by layers', () => {
    const findings = checkFlags(
      [
        {
          file: 'interfaces/redis/index.ts',
          interface: 'redis',
          text: "class R { @when('endpoint.{endpoint_name}.joined') j() { setFlag(this.expandName('{endpoint_name}.available')); } }",
        },
        {
          file: 'reactive/app.ts',
          text: "class A { @when('cache.available', 'config.changed.port', 'endpoint.cache.changed.host') go() { setFlag('app.done'); } @when('app.done') d() {} }",
        },
      ],
      context,
    );
    expect(findings).toEqual([]);
  });

  it('reports contradictions as errors, unset flags as warnings, unconsumed flags as info', () => {
    const findings = checkFlags(
      [
        {
          file: 'reactive/app.ts',
          text: "class A {\n @when('x') @whenNot('x') never() {}\n @when('nobody.sets') w() { setFlag('lonely'); }\n @whenNotAll('p', 'q') @when('p', 'q') n() {}\n}",
        },
      ],
      context,
    );
    expect(findings.map((f) => `${f.severity} ${f.message}`)).toEqual([
      "E handler A.never (line 2) can never run: it waits for 'x' both set and not set",
      "W handler A.never (line 2) waits for flag 'x', which no layer, interface, trigger or the runtime sets",
      "W handler A.w (line 3) waits for flag 'nobody.sets', which no layer, interface, trigger or the runtime sets",
      'E handler A.n (line 4) can never run: whenNotAll(p, q) contradicts when(p, q)',
      "W handler A.n (line 4) waits for flag 'p', which no layer, interface, trigger or the runtime sets",
      "W handler A.n (line 4) waits for flag 'q', which no layer, interface, trigger or the runtime sets",
      "I flag 'lonely' (line 3) is set but no handler or trigger consumes it",
    ]);
  });

  it('counts extra reads (status rules) as consumers', () => {
    const text = "class A { @hook('install') i() { setFlag('app.ready'); } }";
    expect(checkFlags([{ file: 'r.ts', text }], context)).toHaveLength(1);
    expect(checkFlags([{ file: 'r.ts', text }], context, ['app.ready'])).toEqual([]);
  });
});

describe('checkFlags with external flags', () => {
  const sources = [
    { file: 'reactive/docker.ts', text: "class D extends Charm {\n  @when('docker.restart')\n  restart(): void {}\n}" },
  ];
  const context = { endpoints: [], configOptions: [] };

  it('warns about a request flag nothing sets', () => {
    expect(checkFlags(sources, context).map((f) => f.message)).toEqual([
      "handler D.restart (line 2) waits for flag 'docker.restart', which no layer, interface, trigger or the runtime sets",
    ]);
  });

  it('counts flags a layer declares as external as settable', () => {
    expect(checkFlags(sources, context, [], ['docker.restart'])).toEqual([]);
  });
});
