// One transformer for every project: esbuild (scripts/jest-transform.cjs), the compiler that also
// bundles the CLI and built charms. TypeScript (pinned to 5.9) only type-checks.
const transform = require.resolve('./scripts/jest-transform.cjs');

const shared = {
  transform: { '^.+\\.(t|j)sx?$': transform },
  setupFiles: [require.resolve('./scripts/jest-setup-dispose.cjs')],
  moduleNameMapper: {
    '^rxcharm$': '<rootDir>/framework/index.ts',
    '^rxcharm/testing$': '<rootDir>/framework/testing/index.ts',
    '^rxcharm/compose$': '<rootDir>/framework/docker/index.ts',
    '^rxcharm:internal$': '<rootDir>/framework/internal.ts',
    '^layer:(.*)$': '<rootDir>/layers/$1/lib/index.ts',
    '^interface:(.*)$': '<rootDir>/interfaces/$1/index.ts',
  },
  testPathIgnorePatterns: [
    '/node_modules/',
    '/dist/',
    '<rootDir>/build/',
    '/charms/[^/]+/build/',
    '/layers/[^/]+/build/',
    '/\\.rxcharm/',
  ],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/build/'],
};

// Documentation samples that build charms and run the CLI or hooks as processes: they belong with
// the integration suites (slow, real processes), not with the pure unit tests beside them.
const docsProcessTests = [
  'docs/examples/getting-started.check.test.ts',
  'docs/examples/local-agent/agent.check.test.ts',
];

// testTimeout is a global option (jest ignores it inside `projects`): Docker suites need minutes.
module.exports = {
  testTimeout: 300000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/framework/**/*.test.ts',
        '<rootDir>/layers/**/*.test.ts',
        '<rootDir>/interfaces/**/*.test.ts',
        '<rootDir>/charms/**/*.test.ts',
        '<rootDir>/test/unit/**/*.test.ts',
        '<rootDir>/docs/**/*.test.ts',
      ],
      testPathIgnorePatterns: [
        ...shared.testPathIgnorePatterns,
        ...docsProcessTests.map((path) => `<rootDir>/${path}`),
      ],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', ...docsProcessTests.map((path) => `<rootDir>/${path}`)],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
};
