import { parseOpenDataConfig, redactUrl } from '@eslabon/config';
import { createWriteStream } from 'node:fs';
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from './core/config/load-config';
import { dataSourceOptions } from './core/database/data-source-options';
import { backfillReleases } from './modules/ocds/ocds-backfill';
import { publisherOf } from './modules/ocds/ocds-release';
import { OcdsService } from './modules/ocds/ocds.service';
import { refreshReportFacts } from './modules/reports/report-facts';

const USAGE = `Usage: node dist/backend/open-data.js <command>
  rebuild-reports     rebuilds the report facts and rollups from every decided process
  backfill-ocds       publishes one OCDS release for published processes that have none yet
  export-ocds <file>  writes every OCDS release as one release package (JSON) to <file>
`;

/**
 * Maintenance of the published data (issue 8): after restoring a backup or upgrading a database that
 * had processes before reports and OCDS publication existed, and for the bulk OCDS file.
 */
async function main([command, file]: string[]): Promise<void> {
  if (!['rebuild-reports', 'backfill-ocds', 'export-ocds'].includes(command) || (command === 'export-ocds' && !file)) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const config = loadConfigOrExit(() => parseOpenDataConfig(process.env));
  const db = await new DataSource(dataSourceOptions(config.databaseUrl, 'eslabon-open-data')).initialize();
  const where = redactUrl(config.databaseUrl);
  try {
    if (command === 'rebuild-reports') {
      await db.transaction((em) => refreshReportFacts(em, null));
      const [{ lots }] = await db.query(`SELECT count(*)::int AS lots FROM report_lot_facts`);
      process.stdout.write(`Reports rebuilt: ${lots} decided lots (${where})\n`);
    } else if (command === 'backfill-ocds') {
      const count = await db.transaction((em) => backfillReleases(em, publisherOf(config)));
      process.stdout.write(`OCDS: ${count} processes given their first release (${where})\n`);
    } else {
      const count = await new OcdsService(db, config).writeBulkPackage(createWriteStream(file));
      process.stdout.write(`OCDS: ${count} releases written to ${file} (${where})\n`);
    }
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).catch((e: Error) => {
  process.stderr.write(`open-data failed: ${e.message}\n`);
  process.exit(1);
});
