import { parseDatabaseConfig, redactUrl } from '@eslabon/config';
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from './core/config/load-config';
import { AuditService } from './core/audit/audit.service';
import { dataSourceOptions } from './core/database/data-source-options';
import { ReferenceDataService } from './modules/reference-data/reference-data.service';

/** Applies pending migrations, each in its own transaction; exits non-zero on failure. */
async function migrate(): Promise<void> {
  const { databaseUrl } = loadConfigOrExit(() => parseDatabaseConfig(process.env));
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, 'eslabon-migrate'));
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const names = applied.map((m) => m.name).join(', ');
    process.stdout.write(`Migrations: ${applied.length === 0 ? 'schema up to date' : `applied ${names}`} (${redactUrl(databaseUrl)})\n`);
    // Reference data the schema needs to be useful (UNSPSC, DIVIPOLA), loaded once per database.
    const loaded = await new ReferenceDataService(dataSource, new AuditService(dataSource)).loadMissing();
    if (loaded.length > 0) process.stdout.write(`Reference data: loaded ${loaded.join(', ')}\n`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

migrate().catch((e: Error) => {
  process.stderr.write(`Migration failed: ${e.message}\n`);
  process.exit(1);
});
