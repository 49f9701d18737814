import { parseSeedConfig, redactUrl } from '@eslabon/config';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from './core/audit/actor';
import { AuditService } from './core/audit/audit.service';
import { loadConfigOrExit } from './core/config/load-config';
import { dataSourceOptions } from './core/database/data-source-options';
import { DEMO_PASSWORD } from './demo/demo-data';
import { seedDemo } from './demo/seed-demo';
import { LocalKeyWrapper } from './core/crypto/envelope';
import { createObjectStorage } from './core/storage/storage.module';
import { ensureOperator } from './modules/accounts/operators';

/**
 * Creates the organizations that cannot sign up: the platform operators (first admin) and,
 * optionally, an oversight office with one officer, and with SEED_DEMO=true the demo suppliers and
 * buyers. Idempotent: fixed ids, existing accounts kept.
 */
async function seed(): Promise<void> {
  const config = loadConfigOrExit(() => parseSeedConfig(process.env));
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl, 'eslabon-seed')).initialize();
  try {
    const audit = new AuditService(dataSource);
    await dataSource.transaction(async (em) => {
      await ensureOperator(em, audit, SYSTEM_ACTOR, {
        organization: { id: '00000000-0000-4000-8000-000000000001', kind: 'platform', name: 'Eslabón — operación de la plataforma' },
        user: { email: config.admin.email, name: 'Administración Eslabón', password: config.admin.password },
        role: 'admin',
      });
      if (config.officer) {
        await ensureOperator(em, audit, SYSTEM_ACTOR, {
          organization: {
            id: '00000000-0000-4000-8000-000000000002',
            kind: 'oversight',
            name: 'Oficina de seguimiento a la compra pública',
          },
          user: { email: config.officer.email, name: 'Oficial de seguimiento', password: config.officer.password },
          role: 'officer',
        });
      }
    });
    process.stdout.write(`Seed: operator accounts ready (${redactUrl(config.databaseUrl)})\n`);
    if (config.demo) {
      const keys = config.bidMasterKey ? new LocalKeyWrapper(config.bidMasterKey) : null;
      const demo = await seedDemo(dataSource, audit, createObjectStorage(config), keys);
      process.stdout.write(
        `Seed: demo data added (${demo.suppliers} suppliers, ${demo.buyers} buyers, ${demo.tenders} tenders); demo logins proveedor01…50@demo.eslabon.local and comprador01…08@demo.eslabon.local, password ${DEMO_PASSWORD}\n`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

seed().catch((e: Error) => {
  process.stderr.write(`Seed failed: ${e.message}\n`);
  process.exit(1);
});
