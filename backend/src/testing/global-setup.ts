import './register-paths';
import { parseDatabaseConfig, withDatabase } from '@eslabon/config';
import { DataSource } from 'typeorm';
import { AuditService } from '../core/audit/audit.service';
import { dataSourceOptions } from '../core/database/data-source-options';
import { ReferenceDataService } from '../modules/reference-data/reference-data.service';
import { TEST_ENV, adminQuery, requireTestEnv } from './test-database';

/** Migrates one template database per run; test files clone it (see test-database.ts). */
export default async function globalSetup(): Promise<void> {
  const { databaseUrl } = parseDatabaseConfig(process.env);
  requireTestEnv(TEST_ENV.redisUrl);
  const template = `eslabon_template_${process.pid}`;
  await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`, `CREATE DATABASE "${template}"`);
  const dataSource = new DataSource(dataSourceOptions(withDatabase(databaseUrl, template), 'eslabon-test-setup'));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await new ReferenceDataService(dataSource, new AuditService(dataSource)).loadMissing();
  } finally {
    await dataSource.destroy();
  }
  process.env[TEST_ENV.template] = template;
}
