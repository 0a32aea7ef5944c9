import { join } from 'node:path';
import { findPackageRoot, searchPathFromEnv } from './search-path';

describe('searchPathFromEnv', () => {
  it('puts the package directories first, then CHARM_* and the old *_PATH names, each split on ":"', () => {
    const path = searchPathFromEnv(
      { CHARM_LAYERS_DIR: '/a:/b', LAYER_PATH: '/c', CHARM_INTERFACES_DIR: '', INTERFACE_PATH: '/i', HOME: '/ignored' },
      '/pkg',
    );
    expect(path).toEqual({ layers: ['/pkg/layers', '/a', '/b', '/c'], interfaces: ['/pkg/interfaces', '/i'] });
  });

  it('finds the rxcharm package root from its sources', () => {
    expect(findPackageRoot(__dirname)).toBe(join(__dirname, '..', '..'));
    expect(() => findPackageRoot('/')).toThrow(/rxcharm package root not found/);
  });
});
