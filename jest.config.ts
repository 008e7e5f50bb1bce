import type { Config } from 'jest';

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
] as const;

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc as unknown as [string, Record<string, unknown>] },
  // The api imports its siblings with ".js" suffixes (NodeNext); jest resolves them to the .ts sources.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // jest's Node environment, plus a description of the open pages when a browser test fails.
  testEnvironment: '<rootDir>/../scripts/jest-environment.cjs',
};

const config: Config = {
  testTimeout: 60_000,
  // A folder for what is made once per run and copied per test file (api/src/test/run-folder.ts).
  globalSetup: '<rootDir>/scripts/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/scripts/jest-global-teardown.mjs',
  projects: [
    { ...common, displayName: 'api', rootDir: '<rootDir>/api', testMatch: ['<rootDir>/src/**/*.test.ts'] },
    { ...common, displayName: 'web', rootDir: '<rootDir>/web', testMatch: ['<rootDir>/test/**/*.test.ts'] },
    { ...common, displayName: 'admin', rootDir: '<rootDir>/admin', testMatch: ['<rootDir>/test/**/*.test.ts'] },
  ],
};

export default config;
