import { withDatabase } from '@eslabon/config';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Env vars the integration-test global setup hands to every test file. */
export const TEST_ENV = {
  adminUrl: 'DATABASE_URL',
  redisUrl: 'REDIS_URL',
  template: 'ESLABON_TEST_TEMPLATE_DB',
} as const;

export function requireTestEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set. Integration tests run through "npm test" (or "npm test -- <file>"), which provisions PostgreSQL and Redis.`,
    );
  }
  return value;
}

export async function adminQuery(url: string, ...statements: string[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template, so test files never share data. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = requireTestEnv(TEST_ENV.adminUrl);
  const template = requireTestEnv(TEST_ENV.template);
  const name = `eslabon_t_${randomBytes(6).toString('hex')}`;
  // Cloning fails while another session is attached to the template; those moments are short.
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(admin, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (e) {
      if (attempt >= 10 || !/being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
  return {
    name,
    url: withDatabase(admin, name),
    drop: () => adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
