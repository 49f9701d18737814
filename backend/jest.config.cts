module.exports = require('../jest.node.cjs')(__dirname, 'backend', {
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
});
