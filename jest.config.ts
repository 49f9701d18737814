import type { Config } from 'jest';

/** Every Jest project; `npm test` runs them all in one Jest process (see infra/local/src/test.ts). */
const config: Config = {
  // A global option: Jest ignores a project's own testTimeout when it runs several projects at once.
  // Integration files share two cores, so a heavy one can pass 5 s while the others run.
  testTimeout: 30_000,
  projects: [
    '<rootDir>/libs/config/jest.config.cts',
    '<rootDir>/libs/contracts/jest.config.cts',
    '<rootDir>/libs/domain/jest.config.cts',
    '<rootDir>/backend/jest.config.cts',
    '<rootDir>/backend/jest.int.config.cts',
    '<rootDir>/frontend/jest.config.cts',
  ],
};

export default config;
