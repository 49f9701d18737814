const { relative } = require('node:path');

/** Jest settings of a Node-side project (libs, backend): ts-jest with the project's spec tsconfig. */
module.exports = function nodeProject(dirname, displayName, overrides = {}) {
  return {
    displayName,
    preset: `${relative(dirname, __dirname) || '.'}/jest.preset.js`,
    testEnvironment: 'node',
    transform: {
      // pascua (Easter dates, used by colombian-holidays) ships only as an ES module: compile it to CommonJS for Jest.
      '/node_modules/pascua/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' } }],
      '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    },
    transformIgnorePatterns: ['/node_modules/(?!pascua/)'],
    moduleFileExtensions: ['ts', 'js', 'html'],
    ...overrides,
  };
};
