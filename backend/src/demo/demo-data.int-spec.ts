import { REPORT_MEASURES } from '@eslabon/domain';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../core/audit/audit.service';
import { DeliveredEvent } from '../core/outbox/domain-events';
import { bogotaToday } from '../core/time/bogota';
import { OcdsPublisherConsumer } from '../modules/ocds/ocds-publisher.consumer';
import { OcdsService } from '../modules/ocds/ocds.service';
import { refreshReportFacts } from '../modules/reports/report-facts';
import { ReportsService } from '../modules/reports/reports.service';
import { TestStack, createTestStack, ocdsReviewErrors, ocdsSchemaErrors } from '../testing';
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
    expect(tenders).toMatchObject({ total: DEMO_TENDERS.length, modalities: 7, statuses: 8, bets: 5, limited: 1, overdue: 0 });
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
       WHERE b.submitted_at < t.closing_at AND t.status IN ('closed', 'under_evaluation') GROUP BY t.id, t.status ORDER BY t.status`);
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
    await decidedProcesses(db);
    // 58 accounts with argon2 password hashes and ten evaluations: seconds, not milliseconds.
  }, 90_000);

  /** Decided through committee, report, comment period and award, spread as the reports need them. */
  async function decidedProcesses(db: DataSource): Promise<void> {
    const awards: Record<string, string | boolean | number>[] = await db.query(`SELECT t.status, t.execution_department AS department,
        t.modality, a.outcome, a.size_class, p.supplier_type, p.acfc, cardinality(p.women_led_criteria) > 0 AS women_led,
        substr(l.unspsc_classes[1], 1, 2) AS segment, extract(year FROM a.decided_at AT TIME ZONE 'America/Bogota')::int AS year
        FROM awards a JOIN tenders t ON t.id = a.tender_id JOIN tender_lots l ON l.id = a.lot_id
        LEFT JOIN supplier_profiles p ON p.organization_id = a.supplier_organization_id`);
    const won = awards.filter((a) => a.outcome === 'awarded');
    const values = (key: string, rows = won) => new Set(rows.map((a) => a[key]));
    expect(new Set(awards.filter((a) => a.status === 'awarded').map((a) => a.department)).size).toBeGreaterThanOrEqual(6);
    expect([...values('status', awards)].sort()).toEqual(['awarded', 'void']);
    expect(values('size_class')).toEqual(new Set(['micro', 'pequena', 'mediana', 'grande']));
    for (const [key, expected] of Object.entries({
      supplier_type: ['economia_popular', 'cooperative'],
      department: ['05', '11'],
      modality: ['contratacion_directa', 'minima_cuantia', 'licitacion_publica'],
      women_led: [true],
    }))
      expect([...values(key)]).toEqual(expect.arrayContaining(expected as unknown[]));
    expect(won.some((a) => a.acfc && a.segment === '50')).toBe(true);
    const year = Number(bogotaToday().slice(0, 4));
    expect([...values('year')].sort()).toEqual([year - 1, year]);
    // Each award came after its report's comment period; the contracts already over are closed with a rating.
    const [checks] = await db.query(
      `SELECT
        (SELECT count(*)::int FROM awards a JOIN evaluation_reports r ON r.tender_id = a.tender_id
          WHERE a.decided_at <= ((r.comment_until + 1)::timestamp AT TIME ZONE 'America/Bogota')) AS early,
        (SELECT count(*)::int FROM contracts WHERE status = 'completed' AND rating IS NOT NULL) AS rated,
        (SELECT count(*)::int FROM contracts WHERE status = 'active' AND end_date < $1) AS overdue`,
      [bogotaToday()],
    );
    expect(checks).toMatchObject({ early: 0, overdue: 0 });
    expect(checks.rated).toBeGreaterThanOrEqual(3);
  }

  it('gives the reports dashboard figures for this year and last, and OCDS packages that pass the schema and the review checks', async () => {
    const db = stack.api.get(DataSource);
    // What the worker does when it delivers the demo's events: report facts, and one release per public event.
    await db.transaction((em) => refreshReportFacts(em, null));
    const publisher = new OcdsPublisherConsumer(stack.config);
    const events: (Omit<DeliveredEvent, 'occurredAt'> & { occurred_at: Date })[] = await db.query(
      `SELECT id, type, payload, occurred_at FROM outbox WHERE type = ANY($1) ORDER BY occurred_at, id`,
      [publisher.handles],
    );
    await db.transaction(async (em) => {
      for (const e of events)
        await publisher.handle(em, { id: e.id, type: e.type, payload: e.payload, occurredAt: e.occurred_at.toISOString() });
    });

    const year = Number(bogotaToday().slice(0, 4));
    const dashboard = await stack.api.get(ReportsService).dashboard({ from: `${year}-01-01`, to: `${year}-12-31` }, 'es-CO');
    for (const figures of [dashboard.current, dashboard.previousFigures]) {
      expect(Number(figures.totals.processes)).toBeGreaterThanOrEqual(4);
      expect(Number(figures.totals.awardedValueCop)).toBeGreaterThan(0);
      expect(Number(figures.totals.foodAcfcValueCop)).toBeGreaterThan(0);
    }
    const both = (m: (typeof REPORT_MEASURES)[number]) => Number(dashboard.current.totals[m]) + Number(dashboard.previousFigures.totals[m]);
    for (const m of [
      'microValueCop',
      'pequenaValueCop',
      'medianaValueCop',
      'economiaPopularValueCop',
      'cooperativeValueCop',
      'womenLedValueCop',
      'localValueCop',
    ] as const)
      expect(both(m)).toBeGreaterThan(0);
    expect(Number(dashboard.current.totals.voidProcesses)).toBeGreaterThanOrEqual(1);

    const ocds = stack.api.get(OcdsService);
    let text = '';
    const out = new Writable({
      write(chunk, _encoding, done) {
        text += chunk;
        done();
      },
    });
    const [{ stored }] = await db.query(`SELECT count(*)::int AS stored FROM ocds_releases`);
    expect(stored).toBeGreaterThan(events.length / 2);
    expect(await ocds.writeBulkPackage(out)).toBe(stored);
    const bulk = JSON.parse(text);
    // Published long after the events (the worker was not running), each release still shows its own moment.
    const early = bulk.releases.filter((r: { tag: string[] }) => r.tag.includes('planning') || r.tag.includes('tender'));
    expect(early.length).toBeGreaterThan(0);
    for (const r of early) expect([r.bids, r.awards, r.contracts]).toEqual([undefined, undefined, undefined]);
    expect(ocdsSchemaErrors('releasePackage', bulk)).toEqual([]);
    expect(ocdsReviewErrors(bulk.releases)).toEqual([]);
    expect(new Set(bulk.releases.flatMap((r: { tag: string[] }) => r.tag))).toEqual(
      new Set(['planning', 'tender', 'tenderUpdate', 'tenderCancellation', 'award', 'contract', 'contractTermination']),
    );
    const decided: { id: string }[] = await db.query(`SELECT id FROM tenders WHERE status IN ('awarded', 'void')`);
    for (const { id } of decided)
      expect(ocdsSchemaErrors('recordPackage', await ocds.recordPackage(`${stack.config.ocdsPrefix}-${id}`))).toEqual([]);
  }, 30_000);
});
