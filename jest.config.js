// One Jest config, three projects (tiers):
//   unit         specs beside the code (libs/, apps/): pure logic, no services, seconds (`npm run test:unit`)
//   integration  tests/ except the browser: real PostgreSQL, Redis, sandbox child processes, `npm start`
//   browser      tests/browser: the real stack driven through Chromium
// `npm test` runs all three. Path aliases come from tsconfig.json so the two never drift.
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = `<rootDir>/${target.replace(/^\.\//, '')}`;
}

/** What every tier shares. */
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/'],
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/exercises/', '/.data/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
};

/** The tiers that talk to services: fail at once when one is down, build the sandbox bundles, quiet logs. */
const withServices = {
  ...base,
  globalSetup: '<rootDir>/tests/global-setup.ts',
  setupFiles: ['<rootDir>/tests/setup-env.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Global options: Jest reads these from the top level only, not from a project.
  maxWorkers: 2,
  testTimeout: 30000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...withServices,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/**/*.spec.ts'],
      testPathIgnorePatterns: [...base.testPathIgnorePatterns, '<rootDir>/tests/browser/'],
    },
    { ...withServices, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.spec.ts'] },
  ],
};
