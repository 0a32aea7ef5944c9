import { actionNames, dispatchScript, endpointsOf, hookNames, hookStub, STANDARD_HOOKS } from './hook-scripts';

describe('hook scripts', () => {
  const metadata = {
    requires: { db: { interface: 'pgsql' } },
    provides: { website: { interface: 'http' } },
    peers: { cluster: { interface: 'app-peers' } },
  };

  it('lists endpoints by role with their interface', () => {
    expect(endpointsOf(metadata)).toEqual([
      { name: 'db', role: 'requires', interface: 'pgsql' },
      { name: 'website', role: 'provides', interface: 'http' },
      { name: 'cluster', role: 'peers', interface: 'app-peers' },
    ]);
  });

  it('names every standard hook and five relation hooks per endpoint', () => {
    const names = hookNames(metadata);
    expect(names.slice(0, STANDARD_HOOKS.length)).toEqual([...STANDARD_HOOKS]);
    expect(names).toEqual(
      expect.arrayContaining([
        'install',
        'remove',
        'collect-metrics',
        'db-relation-created',
        'website-relation-departed',
        'cluster-relation-broken',
      ]),
    );
    expect(names).toHaveLength(STANDARD_HOOKS.length + 15);
    expect(actionNames({ backup: {}, restore: {} })).toEqual(['backup', 'restore']);
  });

  it('writes stubs that name themselves and exec ../dispatch', () => {
    expect(hookStub('hooks/install')).toMatch(
      /^#!\/bin\/sh\n[\s\S]*JUJU_DISPATCH_PATH="hooks\/install"\nexport JUJU_DISPATCH_PATH\nexec "\$\(dirname "\$0"\)\/\.\.\/dispatch" "\$@"\n$/,
    );
  });

  it('bakes the basic options into dispatch', () => {
    const script = dispatchScript({ charmName: 'app', installNode: true, packages: ['jq'] });
    expect(script).toMatch(/^#!\/bin\/sh\n/);
    expect(script).toContain('INSTALL_NODE=1');
    expect(script).toContain('PACKAGES="jq"');
    expect(script).toContain('exec "$NODE" --enable-source-maps "$JUJU_CHARM_DIR/lib/charm.js" "$@"');
    expect(dispatchScript({ charmName: 'app', installNode: false, packages: [] })).toContain('INSTALL_NODE=0');
  });
});
