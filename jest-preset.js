// `preset: 'rxcharm'` (rxcharm/jest-preset): jest set up for a charm author's project. TypeScript
// and TC39 standard decorators through esbuild (the compiler `rxcharm build` bundles charms with),
// `layer:<name>` / `interface:<name>` imports resolved as `rxcharm build` resolves includes (the
// project's layers/ and interfaces/, LAYER_PATH / INTERFACE_PATH, rxcharm's own layers, installed
// npm packages that declare a layer), and layer sources inside node_modules compiled too.
'use strict';

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': require.resolve('./scripts/jest-transform.cjs') },
  transformIgnorePatterns: ['/node_modules/.+\\.(c|m)?js$'],
  resolver: require.resolve('./jest-resolver.cjs'),
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/build/', '/\\.rxcharm/'],
  modulePathIgnorePatterns: ['<rootDir>/build/'],
};
