import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../core/audit/actor';
import { AuditService } from '../core/audit/audit.service';
import { ensureOperator } from '../modules/accounts/operators';
import { BuyersService } from '../modules/buyers/buyers.service';
import { RuleParametersService } from '../modules/rule-parameters/rule-parameters.service';
import { SuppliersService } from '../modules/suppliers/suppliers.service';
import type { KeyWrapper } from '../core/crypto/envelope';
import type { ObjectStorage } from '../core/storage/object-storage';
import { DEMO_PASSWORD, demoBuyers, demoSuppliers } from './demo-data';
import { seedDemoTenders } from './seed-demo-tenders';

/**
 * Loads the demo organizations through the same services the API uses, so every demo profile is
 * validated, classified and audited like a real one, and their tenders (demo-tenders.ts). Profiles
 * already there are left alone.
 */
export async function seedDemo(
  db: DataSource,
  audit: AuditService,
  storage: ObjectStorage,
  keys: KeyWrapper | null,
): Promise<{ suppliers: number; buyers: number; tenders: number }> {
  const rules = new RuleParametersService(db, audit);
  const suppliers = new SuppliersService(db, audit, rules);
  const buyers = new BuyersService(db, audit, rules);
  let created = { suppliers: 0, buyers: 0 };
  for (const [i, s] of demoSuppliers().entries()) {
    const [existing] = await db.query(`SELECT 1 FROM supplier_profiles WHERE organization_id = $1`, [s.organizationId]);
    if (existing) continue;
    await db.transaction((em) =>
      ensureOperator(em, audit, SYSTEM_ACTOR, {
        organization: { id: s.organizationId, kind: 'supplier', name: s.organizationName },
        user: { email: s.userEmail, name: s.userName, password: DEMO_PASSWORD },
        role: 'supplier_admin',
      }),
    );
    await suppliers.saveIdentity(s.organizationId, s.identity, SYSTEM_ACTOR);
    await suppliers.saveLegal(s.organizationId, s.legal, SYSTEM_ACTOR);
    await suppliers.saveCapabilities(s.organizationId, s.capabilities, SYSTEM_ACTOR);
    // Half of them already checked by the platform, so the directory shows both states.
    if (i % 2 === 0) await suppliers.verify(s.organizationId, { status: 'verified' }, SYSTEM_ACTOR);
    created = { ...created, suppliers: created.suppliers + 1 };
  }
  for (const b of demoBuyers()) {
    const [existing] = await db.query(`SELECT 1 FROM buyer_profiles WHERE organization_id = $1`, [b.organizationId]);
    if (existing) continue;
    await db.transaction((em) =>
      ensureOperator(em, audit, SYSTEM_ACTOR, {
        organization: { id: b.organizationId, kind: b.kind, name: b.organizationName },
        user: { email: b.userEmail, name: `Compras — ${b.organizationName}`, password: DEMO_PASSWORD },
        role: 'buyer_admin',
      }),
    );
    await buyers.save(b.organizationId, b.profile, SYSTEM_ACTOR);
    created = { ...created, buyers: created.buyers + 1 };
  }
  return { ...created, tenders: await seedDemoTenders(db, audit, storage, keys) };
}
