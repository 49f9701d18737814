import { DataSource } from 'typeorm';
import { AuditService } from '../core/audit/audit.service';
import { TestStack, createTestStack } from '../testing';
import { DEMO_SUPPLIER_COUNT, demoBuyers } from './demo-data';
import { SupplierDirectoryService } from '../modules/suppliers/supplier-directory.service';
import { seedDemo } from './seed-demo';
import { DEMO_TENDERS } from './demo-tenders';
import { OBJECT_STORAGE, ObjectStorage } from '../core/storage/object-storage';
import { KEY_WRAPPER, KeyWrapper } from '../core/crypto/envelope';

describe('demo data', () => {
  let stack: TestStack;
  beforeAll(async () => (stack = await createTestStack()));
  afterAll(() => stack.close());

  it('passes every check a real registration passes, spreads over sizes, types and departments, and loads once', async () => {
    const db = stack.api.get(DataSource);
    const storage = stack.api.get<ObjectStorage>(OBJECT_STORAGE);
    const keys = stack.api.get<KeyWrapper>(KEY_WRAPPER);
    expect(await seedDemo(db, stack.api.get(AuditService), storage, keys)).toEqual({
      suppliers: DEMO_SUPPLIER_COUNT,
      buyers: demoBuyers().length,
      tenders: DEMO_TENDERS.length,
    });
    const [spread] = await db.query(`SELECT count(DISTINCT size_class)::int AS sizes, count(DISTINCT supplier_type)::int AS types,
        count(DISTINCT domicile_department)::int AS departments, count(*) FILTER (WHERE cardinality(women_led_criteria) > 0)::int AS women_led
        FROM supplier_profiles`);
    expect(spread).toMatchObject({ sizes: 4, types: 4 });
    expect(spread.departments).toBeGreaterThanOrEqual(20);
    expect(spread.women_led).toBeGreaterThanOrEqual(10);
    const buyers = await db.query(`SELECT o.kind FROM buyer_profiles b JOIN organizations o ON o.id = b.organization_id`);
    expect(buyers.filter((b: { kind: string }) => b.kind === 'state_company')).toHaveLength(2);
    expect(await seedDemo(db, stack.api.get(AuditService), storage, keys)).toEqual({ suppliers: 0, buyers: 0, tenders: 0 });

    // Tenders across modalities, statuses, departments and apuestas productivas, each as the clock says.
    const [tenders] = await db.query(`SELECT count(*)::int AS total, count(DISTINCT modality)::int AS modalities,
        count(DISTINCT status)::int AS statuses, count(DISTINCT execution_department)::int AS departments,
        count(DISTINCT productive_bet)::int AS bets, count(*) FILTER (WHERE (limitation->>'limited')::boolean)::int AS limited,
        count(*) FILTER (WHERE status = 'open' AND closing_at <= now())::int AS overdue FROM tenders`);
    expect(tenders).toMatchObject({ total: DEMO_TENDERS.length, modalities: 7, statuses: 7, bets: 5, limited: 1, overdue: 0 });
    expect(tenders.total).toBeGreaterThanOrEqual(30);
    expect(tenders.departments).toBeGreaterThanOrEqual(8);
    const [split] = await db.query(`SELECT count(l.id)::int AS lots FROM tenders t JOIN organizations o ON o.id = t.buyer_organization_id
        JOIN tender_lots l ON l.tender_id = t.id WHERE o.kind = 'state_company' GROUP BY t.id ORDER BY 1 DESC LIMIT 1`);
    expect(split.lots).toBeGreaterThanOrEqual(5);
    const [unaudited] = await db.query(`SELECT count(*)::int AS n FROM tenders t
        WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'tender' AND a.entity_id = t.id::text)`);
    expect(unaudited.n).toBe(0);
    // Sealed bids on a closed tender and on one under evaluation, whose buyer sits on the committee.
    const sealed = await db.query(`SELECT t.status, count(b.id)::int AS bids, count(c.user_id)::int AS committee FROM tenders t
        JOIN bids b ON b.tender_id = t.id LEFT JOIN tender_committee_members c ON c.tender_id = t.id AND b.supplier_organization_id IS NOT NULL
       WHERE b.submitted_at < t.closing_at GROUP BY t.id, t.status ORDER BY t.status`);
    expect(sealed).toEqual([
      { status: 'closed', bids: 2, committee: 2 },
      { status: 'under_evaluation', bids: 3, committee: 3 },
    ]);

    // Small pages over a department walk the same list as one big page: domiciled suppliers first, then those covering it.
    const directory = stack.api.get(SupplierDirectoryService);
    const all = await directory.directory({ department: '05', pageSize: 50 });
    expect(all.total).toBe(all.items.length);
    const walked = [];
    for (let page = 1; page <= Math.ceil(all.total / 3); page++)
      walked.push(...(await directory.directory({ department: '05', pageSize: 3, page })).items);
    expect(walked.map((s) => s.organizationId)).toEqual(all.items.map((s) => s.organizationId));
    const domiciled = all.items.filter((s) => s.domicile?.departmentCode === '05').length;
    expect(domiciled).toBeGreaterThan(0);
    expect(all.items.slice(0, domiciled).every((s) => s.domicile?.departmentCode === '05')).toBe(true);
    expect(all.items.length).toBeGreaterThan(domiciled);
    // 58 accounts with argon2 password hashes: seconds, not milliseconds.
  }, 60_000);
});
