import { parseDatabaseConfig, redactUrl } from '@eslabon/config';
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from './core/config/load-config';
import { dataSourceOptions } from './core/database/data-source-options';

/** Applies pending migrations, each in its own transaction; exits non-zero on failure. */
async function migrate(): Promise<void> {
  const { databaseUrl } = loadConfigOrExit(() => parseDatabaseConfig(process.env));
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, 'eslabon-migrate'));
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const names = applied.map((m) => m.name).join(', ');
    process.stdout.write(`Migrations: ${applied.length === 0 ? 'schema up to date' : `applied ${names}`} (${redactUrl(databaseUrl)})\n`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

migrate().catch((e: Error) => {
  process.stderr.write(`Migration failed: ${e.message}\n`);
  process.exit(1);
});
