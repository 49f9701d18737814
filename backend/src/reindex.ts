import { parseSearchConfig, redactUrl } from '@eslabon/config';
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from './core/config/load-config';
import { dataSourceOptions } from './core/database/data-source-options';
import { createSearchEngine } from './modules/search/search.module';
import { reindexTenders } from './modules/search/search-indexer';

/**
 * Rebuilds the tender search index from the database (PostgreSQL, or Meilisearch with MEILI_URL):
 * after restoring a backup, switching engines or changing how documents are built.
 */
async function reindex(): Promise<void> {
  const config = loadConfigOrExit(() => parseSearchConfig(process.env));
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl, 'eslabon-reindex')).initialize();
  try {
    const engine = createSearchEngine(config, dataSource);
    const count = await reindexTenders(dataSource, engine);
    process.stdout.write(`Reindex: ${count} tenders indexed with ${engine.name} (${redactUrl(config.databaseUrl)})\n`);
  } finally {
    await dataSource.destroy();
  }
}

reindex().catch((e: Error) => {
  process.stderr.write(`Reindex failed: ${e.message}\n`);
  process.exit(1);
});
