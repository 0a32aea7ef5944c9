import { checkActions, checkConfig } from './proof-config';
import { checkMetadata } from './proof-metadata';

const messages = (findings: Array<{ severity: string; message: string }>) =>
  findings.map((f) => `${f.severity} ${f.message}`);

describe('checkMetadata', () => {
  it("accepts Juju's shorthand endpoint form (the interface name alone)", () => {
    expect(checkMetadata({ name: 'app', summary: 's', description: 'd', requires: { db: 'pgsql' } })).toEqual([]);
  });

  it('accepts good metadata', () => {
    expect(
      checkMetadata({
        name: 'app',
        summary: 's',
        description: 'd',
        maintainer: 'A B <a@b.io>',
        requires: { db: { interface: 'pgsql', scope: 'global' } },
      }),
    ).toEqual([]);
  });

  it('reports missing keys, maintainer problems, bad relations', () => {
    expect(
      messages(
        checkMetadata({
          name: 'App',
          maintainer: 'nobody',
          maintainers: [],
          requires: {
            'juju-x': { interface: 'x', foo: 1 },
            noiface: { scope: 'global' },
            scoped: { interface: 'x', scope: 'x' },
            ok: 'str',
          },
          colour: 1,
        }),
      ),
    ).toEqual([
      "E name 'App' must be lowercase letters, digits and dashes, starting with a letter",
      'E missing required key: summary',
      'W missing key: description',
      'E use either maintainer or maintainers, not both',
      'W maintainer \'nobody\' is not in the form "Name <email>"',
      'I unknown key: colour',
      'E requires.juju-x: endpoint names juju and juju-* are reserved',
      'E requires.juju-x: unknown key foo',
      'E requires.noiface.interface: must be a non-empty string',
      'E requires.scoped.scope: must be global or container, got "x"',
    ]);
  });
});

describe('checkConfig and checkActions', () => {
  it('checks names, types and default types', () => {
    expect(
      messages(
        checkConfig({
          options: {
            port: { type: 'int', default: 1.5, description: 'p' },
            Bad_: { type: 'float', default: 1, description: 'x' },
            s: { type: 'string', description: 'x' },
          },
          extra: 1,
        }),
      ),
    ).toEqual([
      'W unknown top-level key: extra',
      'E options.port: default 1.5 is not of type int',
      'E options.Bad_: invalid option name',
      'I options.s: no default',
    ]);
    expect(messages(checkConfig({}))).toEqual(['E missing options mapping']);
  });

  it('checks action names and entry points', () => {
    expect(messages(checkActions({ 'juju-run': {}, backup: {} }, (name) => name === 'backup'))).toEqual([
      'E action juju-run: names starting with juju are reserved',
      'W action juju-run: no actions/juju-run entry point',
    ]);
  });
});
