const { relative } = require('node:path');

/** Jest settings of a Node-side project (libs, backend): ts-jest with the project's spec tsconfig. */
module.exports = function nodeProject(dirname, displayName, overrides = {}) {
  return {
    displayName,
    preset: `${relative(dirname, __dirname) || '.'}/jest.preset.js`,
    testEnvironment: 'node',
    transform: {
      '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    },
    moduleFileExtensions: ['ts', 'js', 'html'],
    ...overrides,
  };
};
