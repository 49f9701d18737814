import { TEST_ENV, adminQuery, requireTestEnv } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env[TEST_ENV.template];
  if (template) await adminQuery(requireTestEnv(TEST_ENV.adminUrl), `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
}
