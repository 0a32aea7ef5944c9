import { CharmFileError } from './charm-file-error';
import { parseCharmMetadata } from './charm-metadata';

const fails = (text: string): CharmFileError => {
  try {
    parseCharmMetadata(text, 'c/metadata.yaml');
  } catch (error) {
    if (error instanceof CharmFileError) return error;
    throw error;
  }
  throw new Error('expected a CharmFileError');
};

describe('parseCharmMetadata', () => {
  it("reads Juju's shorthand (`db: pgsql`) and the long form alike, with Juju's defaults", () => {
    const meta = parseCharmMetadata(
      'name: app\nrequires:\n  db: pgsql\n  cache: {interface: redis, limit: 1, optional: true}\npeers:\n  cluster: {interface: app-peers}\n',
    );
    expect(meta.roles).toEqual({
      requires: { db: 'pgsql', cache: 'redis' },
      provides: {},
      peers: { cluster: 'app-peers' },
    });
    expect(meta.endpoints).toEqual([
      { name: 'db', role: 'requires', interface: 'pgsql', scope: 'global', optional: false },
      { name: 'cache', role: 'requires', interface: 'redis', scope: 'global', limit: 1, optional: true },
      { name: 'cluster', role: 'peers', interface: 'app-peers', scope: 'global', optional: false },
    ]);
    expect(meta.subordinate).toBe(false);
  });

  it('reads extra-bindings and resources by name', () => {
    const meta = parseCharmMetadata('name: app\nextra-bindings: {public: }\nresources: {image: {type: oci-image}}\n');
    expect(meta.extraBindings).toEqual(['public']);
    expect(meta.resources).toEqual(['image']);
  });

  it.each([
    ['summary: no name\n', 'name', 'must be a non-empty string'],
    ['name: a\nrequires: [db]\n', 'requires', 'must be a map of endpoint name to relation'],
    ['name: a\nprovides:\n  web: {}\n', 'provides.web.interface', 'must be a non-empty string'],
    ['name: a\nprovides:\n  web: 3\n', 'provides.web', 'must be an interface name or a map with `interface`'],
    [
      'name: a\nrequires:\n  db: {interface: pgsql, scope: planet}\n',
      'requires.db.scope',
      'must be global or container, got "planet"',
    ],
    ['name: a\nrequires:\n  db: {interface: pgsql, limit: 1.5}\n', 'requires.db.limit', 'must be an integer, got 1.5'],
    [
      'name: a\nrequires:\n  db: {interface: pgsql, optional: "yes"}\n',
      'requires.db.optional',
      'must be a boolean, got "yes"',
    ],
    [
      'name: a\nrequires:\n  juju-info: {interface: juju-info}\n',
      'requires.juju-info',
      'endpoint names juju and juju-* are reserved',
    ],
    ['name: a\nrequires:\n  db: pgsql\npeers:\n  db: x\n', 'peers.db', 'endpoint name is declared twice'],
    ['name: a\nsubordinate: 1\n', 'subordinate', 'must be a boolean'],
  ])('refuses %j naming the file and %s', (text, key, detail) => {
    const error = fails(text);
    expect(error).toMatchObject({ file: 'c/metadata.yaml', key, detail, code: 'CHARM_FILE' });
    expect(error.message).toBe(`invalid charm file: c/metadata.yaml (${key}): ${detail}`);
  });

  it('names the file for invalid YAML and a top level that is not a map', () => {
    expect(fails('name: [\n')).toMatchObject({ key: undefined, detail: expect.stringMatching(/^not valid YAML: /) });
    expect(fails('- a\n')).toMatchObject({ key: undefined, detail: 'top level must be a map' });
  });
});
