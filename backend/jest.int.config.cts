/**
 * Integration tests: the real Nest modules against real PostgreSQL and Redis.
 * The global setup migrates a template database once; each test file clones its own.
 */
module.exports = require('../jest.node.cjs')(__dirname, 'backend-int', {
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/global-teardown.ts',
});
