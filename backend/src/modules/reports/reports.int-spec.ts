import type { ReportDashboard, ReportProcessPage } from '@eslabon/contracts';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { pdfText } from '@eslabon/test-support';
import { Browser, TestAccount, TestStack, createAccount, createTestStack, signedIn } from '../../testing';
import { refreshReportFacts } from './report-facts';

/**
 * A hand-built set of decided processes. Every expected figure below is worked out by hand from the
 * indicator definitions (REPORT_INDICATOR_DEFINITIONS), not read back from the code.
 *
 *   T1 buyer A, Antioquia (05), licitación, agroindustry, limited to mipymes, decided 2026-03-10
 *      L1 food (UNSPSC 50), est. 1000, reserved; bids S1, S3 → S1 900, national goods, micro, women-led
 *      L2 segment 43, est. 500; bid S3 → S3 500, foreign with component, mediana (cooperative)
 *   T2 buyer A, Antioquia, contratación directa, decided 2026-07-01 03:00 UTC = 30 June in Bogotá
 *      L1 food, est. 300; bid S2 → S2 300, national service, pequeña (economía popular, domiciled in 11)
 *   T3 buyer B, Bogotá (11), mínima cuantía, energy transition, decided 2026-07-15
 *      L1 segment 72, est. 2000; bids S4, S2 → S4 1800, foreign, grande;  L2 est. 100, no bids → void
 *   T4 buyer B, Bogotá, licitación, energy transition, declared void 2026-08-01 without bids (1 lot, est. 400)
 *   T5 buyer A, Antioquia, decided 2025-05-05 (previous period): food lot → S1 100, national goods, micro
 *   T6 buyer A, still under evaluation: never counted
 */
describe('national-industry participation reports', () => {
  let stack: TestStack;
  let db: DataSource;
  let officer: Browser;
  let buyerA: TestAccount;
  let asBuyerA: Browser;
  const buyerB = randomUUID();
  const S = { S1: randomUUID(), S2: randomUUID(), S3: randomUUID(), S4: randomUUID(), S5: randomUUID() };
  const T = { T1: randomUUID(), T2: randomUUID(), T3: randomUUID(), T4: randomUUID(), T5: randomUUID(), T6: randomUUID() };
  const lots: Record<string, string> = {};
  const year = (over: Record<string, string> = {}) => new URLSearchParams({ from: '2026-01-01', to: '2026-12-31', ...over }).toString();
  const dashboard = async (over: Record<string, string> = {}, as = officer): Promise<ReportDashboard> =>
    (await as.get(`/api/v1/reports/dashboard?${year(over)}`).expect(200)).body;

  async function supplier(id: string, size: string, department: string, type: string, acfc = false) {
    await db.query(`INSERT INTO organizations (id, kind, name, status) VALUES ($1, 'supplier', $2, 'active')`, [
      id,
      `Proveedor ${size} ${department}`,
    ]);
    await db.query(
      `INSERT INTO supplier_profiles (organization_id, size_class, domicile_department, supplier_type, acfc, created_at) VALUES ($1, $2, $3, $4, $5, '2025-01-01')`,
      [id, size, department, type, acfc],
    );
  }

  async function tender(
    id: string,
    o: { buyer: string; department: string; modality: string; bet: string | null; status: string; limited?: boolean; updatedAt?: string },
  ) {
    await db.query(
      `INSERT INTO tenders (id, reference, buyer_organization_id, title, description, modality, productive_bet, execution_department, estimated_value_cop,
                            status, schedule, closing_time, closing_at, criteria, limitation, updated_at)
       VALUES ($1, $2, $3, $4, 'Proceso de prueba', $5, $6, $7, 0, $8, '{}', '10:00', '2026-01-01', '{}', $9, $10)`,
      [
        id,
        `ESL-T-${id.slice(0, 6)}`,
        o.buyer,
        `Proceso ${id.slice(0, 6)}`,
        o.modality,
        o.bet,
        o.department,
        o.status,
        o.limited ? { limited: true } : null,
        o.updatedAt ?? '2026-01-01',
      ],
    );
  }

  async function lot(name: string, tenderId: string, position: number, unspsc: string, estimate: number, reserved = false) {
    const [{ id }] = await db.query(
      `INSERT INTO tender_lots (tender_id, position, title, description, unspsc_classes, quantity, unit, estimated_value_cop, reserved_for_mipymes)
       VALUES ($1, $2, $3, '', $4, 1, 'unidad', $5, $6) RETURNING id`,
      [tenderId, position, name, [unspsc], estimate, reserved],
    );
    lots[name] = id;
  }

  async function bid(tenderId: string, supplierId: string, lotNames: string[], womenLed = false): Promise<string> {
    const [{ id }] = await db.query(
      `INSERT INTO bids (tender_id, supplier_organization_id, status, version, iv, tag, sealed_content, digest, nonce, lot_ids, idempotency_key,
                         submitted_at, submitted_by, bidder_facts)
       VALUES ($1, $2, 'submitted', 1, '\\x00', '\\x00', '\\x00', 'd', 'n', $3, $4, '2026-01-01', $2, $5) RETURNING id`,
      [tenderId, supplierId, lotNames.map((n) => lots[n]), randomUUID(), { sizeClass: null, mipyme: false, womenLed }],
    );
    return id;
  }

  async function award(
    tenderId: string,
    lotName: string,
    at: string,
    win?: { bid: string; supplier: string; value: number; national: string; size: string },
  ) {
    await db.query(
      `INSERT INTO awards (tender_id, lot_id, outcome, bid_id, supplier_organization_id, value_cop, national_industry, size_class, reason, decided_by, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $1, $10)`,
      [
        tenderId,
        lots[lotName],
        win ? 'awarded' : 'void',
        win?.bid ?? null,
        win?.supplier ?? null,
        win?.value ?? null,
        win?.national ?? null,
        win?.size ?? null,
        win ? null : 'Sin ofertas',
        at,
      ],
    );
  }

  const match = (tenderId: string, supplierId: string) =>
    db.query(
      `INSERT INTO tender_matches (tender_id, organization_id, version, score, reasons, lot_ids, matched_at) VALUES ($1, $2, 1, 50, '[]', '{}', now())`,
      [tenderId, supplierId],
    );

  beforeAll(async () => {
    stack = await createTestStack({ LOG_LEVEL: 'error' });
    db = stack.api.get(DataSource);
    officer = await signedIn(stack.api, await createAccount(stack.api, 'oversight', 'officer'));
    buyerA = await createAccount(stack.api, 'state_entity', 'buyer_admin');
    asBuyerA = await signedIn(stack.api, buyerA);
    const A = buyerA.organizationId;
    await db.query(`INSERT INTO organizations (id, kind, name, status) VALUES ($1, 'state_entity', 'Gobernación B', 'active')`, [buyerB]);
    await supplier(S.S1, 'micro', '05', 'company', true);
    await supplier(S.S2, 'pequena', '11', 'economia_popular');
    await supplier(S.S3, 'mediana', '05', 'cooperative');
    await supplier(S.S4, 'grande', '11', 'company');
    await supplier(S.S5, 'micro', '05', 'company');

    await tender(T.T1, {
      buyer: A,
      department: '05',
      modality: 'licitacion_publica',
      bet: 'agroindustry',
      status: 'awarded',
      limited: true,
    });
    await lot('T1L1', T.T1, 1, '501317', 1000, true);
    await lot('T1L2', T.T1, 2, '432115', 500);
    const b11 = await bid(T.T1, S.S1, ['T1L1'], true);
    const b13 = await bid(T.T1, S.S3, ['T1L1', 'T1L2']);
    await award(T.T1, 'T1L1', '2026-03-10T15:00:00Z', { bid: b11, supplier: S.S1, value: 900, national: 'national_goods', size: 'micro' });
    await award(T.T1, 'T1L2', '2026-03-10T15:00:00Z', {
      bid: b13,
      supplier: S.S3,
      value: 500,
      national: 'foreign_with_component',
      size: 'mediana',
    });
    await Promise.all([match(T.T1, S.S1), match(T.T1, S.S3), match(T.T1, S.S5)]);

    await tender(T.T2, { buyer: A, department: '05', modality: 'contratacion_directa', bet: null, status: 'awarded' });
    await lot('T2L1', T.T2, 1, '501317', 300);
    const b22 = await bid(T.T2, S.S2, ['T2L1']);
    await award(T.T2, 'T2L1', '2026-07-01T03:00:00Z', {
      bid: b22,
      supplier: S.S2,
      value: 300,
      national: 'national_service',
      size: 'pequena',
    });

    await tender(T.T3, { buyer: buyerB, department: '11', modality: 'minima_cuantia', bet: 'energy_transition', status: 'awarded' });
    await lot('T3L1', T.T3, 1, '721015', 2000);
    await lot('T3L2', T.T3, 2, '721015', 100);
    const b34 = await bid(T.T3, S.S4, ['T3L1']);
    await bid(T.T3, S.S2, ['T3L1']);
    await award(T.T3, 'T3L1', '2026-07-15T15:00:00Z', { bid: b34, supplier: S.S4, value: 1800, national: 'foreign', size: 'grande' });
    await award(T.T3, 'T3L2', '2026-07-15T15:00:00Z');
    await match(T.T3, S.S4);

    await tender(T.T4, {
      buyer: buyerB,
      department: '11',
      modality: 'licitacion_publica',
      bet: 'energy_transition',
      status: 'void',
      updatedAt: '2026-08-01T15:00:00Z',
    });
    await lot('T4L1', T.T4, 1, '721015', 400);

    await tender(T.T5, { buyer: A, department: '05', modality: 'licitacion_publica', bet: 'agroindustry', status: 'awarded' });
    await lot('T5L1', T.T5, 1, '501317', 100);
    const b51 = await bid(T.T5, S.S1, ['T5L1']);
    await award(T.T5, 'T5L1', '2025-05-05T15:00:00Z', { bid: b51, supplier: S.S1, value: 100, national: 'national_goods', size: 'micro' });

    await tender(T.T6, { buyer: A, department: '05', modality: 'licitacion_publica', bet: 'agroindustry', status: 'under_evaluation' });
    await lot('T6L1', T.T6, 1, '501317', 5000);
    await bid(T.T6, S.S1, ['T6L1']);

    // What the worker does for each decided tender, one event at a time.
    for (const id of Object.values(T)) await db.transaction((em) => refreshReportFacts(em, [id]));
  });
  afterAll(() => stack.close());

  it('computes every indicator of the year from its definition', async () => {
    const d = await dashboard();
    expect(d.current.totals).toMatchObject({
      lots: '6',
      awardedLots: '4',
      voidLots: '2',
      processes: '4',
      voidProcesses: '1',
      bids: '6',
      processBidders: '5',
      singleBidderProcesses: '1',
      awardedValueCop: '3500',
      estimatedValueCop: '3800',
      foodValueCop: '1200',
      foodAcfcValueCop: '900',
    });
    expect(d.current.indicators).toEqual({
      awardedValueCop: '3500',
      awardedCount: 4,
      processes: 4,
      limitedProcesses: 1,
      limitedValueCop: '1400',
      reservedLots: 1,
      savingsCop: '300',
      biddersPerProcess: 125, // 5 distinct bidders over 4 processes
      bidsPerLot: 100, // 6 bids over 6 lots
      shares: {
        nationalShare: 3429, // (900 + 300) / 3500
        mipymeShare: 4857, // (900 + 300 + 500) / 3500
        microShare: 2571, // 900 / 3500
        pequenaShare: 857, // 300 / 3500
        medianaShare: 1429, // 500 / 3500
        economiaPopularShare: 857, // S2's 300
        womenLedShare: 2571, // the women-led bid of S1
        cooperativeShare: 1429, // S3's 500
        localShare: 9143, // S1 and S3 in Antioquia, S4 in Bogotá; S2 (Bogotá) works in Antioquia
        singleBidderShare: 2500, // T2 of 4
        voidShare: 2500, // T4 of 4 (T3 has an awarded lot)
        savingsShare: 789, // 300 / 3800
        foodAcfcShare: 7500, // 900 of 1200 in segment 50
      },
    });
  });

  it('compares with the year before', async () => {
    const d = await dashboard();
    expect(d.previous).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(d.previousFigures.totals).toMatchObject({ awardedValueCop: '100', processes: '1', nationalValueCop: '100' });
    expect(d.previousFigures.indicators.shares.nationalShare).toBe(10000);
  });

  it('breaks down by buyer, department, segment, bet, modality and month (Bogotá calendar)', async () => {
    const d = await dashboard();
    const by = (dim: keyof ReportDashboard['breakdowns']) =>
      Object.fromEntries(d.breakdowns[dim].map((r) => [r.key, [r.totals.awardedValueCop, r.totals.processes]]));
    expect(by('buyer')).toEqual({ [buyerA.organizationId]: ['1700', '2'], [buyerB]: ['1800', '2'] });
    expect(by('department')).toEqual({ '05': ['1700', '2'], '11': ['1800', '2'] });
    expect(d.breakdowns.department.find((r) => r.key === '05')?.label).toBe('ANTIOQUIA');
    // Process-level counts go with the process's first lot: T1 counts under food (50), not 43.
    expect(by('segment')).toEqual({ '50': ['1200', '2'], '43': ['500', '0'], '72': ['1800', '2'] });
    expect(by('productiveBet')).toEqual({ agroindustry: ['1400', '1'], '': ['300', '1'], energy_transition: ['1800', '2'] });
    expect(by('modality')).toEqual({
      licitacion_publica: ['1400', '2'],
      contratacion_directa: ['300', '1'],
      minima_cuantia: ['1800', '1'],
    });
    expect(by('month')).toEqual({ '2026-03': ['1400', '1'], '2026-06': ['300', '1'], '2026-07': ['1800', '1'], '2026-08': ['0', '1'] });
  });

  it('filters by department and productive bet together', async () => {
    const d = await dashboard({ department: '05', productiveBet: 'agroindustry' });
    expect(d.current.totals).toMatchObject({ awardedValueCop: '1400', processes: '1', limitedProcesses: '1', reservedLots: '1' });
    expect(d.current.indicators.shares.nationalShare).toBe(6429); // 900 / 1400
    expect(d.previousFigures.totals.awardedValueCop).toBe('100');
  });

  it.each([
    [{}],
    [{ department: '05', productiveBet: 'agroindustry' }],
    [{ department: '05', productiveBet: 'agroindustry', modality: 'licitacion_publica' }],
    [{ buyerOrganizationId: 'A', segment: '50' }],
  ])('gives the same figures from the rollups (whole months) and from the lot facts (other periods) for %j', async (filters) => {
    const over = Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v === 'A' ? buyerA.organizationId : v]));
    const whole = await dashboard(over);
    const days = await dashboard({ ...over, from: '2026-01-02', to: '2026-12-30' });
    expect(days.current).toEqual(whole.current);
    expect(days.breakdowns).toEqual(whole.breakdowns);
    expect(days.funnel).toEqual(whole.funnel);
  });

  it('checks food purchases per entity against the 30 % of Ley 2046', async () => {
    const d = await dashboard();
    expect(d.food).toEqual([
      {
        buyerOrganizationId: buyerA.organizationId,
        buyerName: expect.any(String),
        foodValueCop: '1200',
        acfcValueCop: '900',
        shareBp: 7500,
        meetsMinimum: true,
      },
    ]);
  });

  it('follows suppliers from registration to award, by size', async () => {
    const d = await dashboard();
    const row = (size: string) => d.funnel.find((f) => f.sizeClass === size);
    expect(row('micro')).toEqual({ sizeClass: 'micro', registered: 2, matched: 2, bidding: 1, awarded: 1 });
    expect(row('pequena')).toEqual({ sizeClass: 'pequena', registered: 1, matched: 0, bidding: 1, awarded: 1 });
    expect(row('mediana')).toEqual({ sizeClass: 'mediana', registered: 1, matched: 1, bidding: 1, awarded: 1 });
    expect(row('grande')).toEqual({ sizeClass: 'grande', registered: 1, matched: 1, bidding: 1, awarded: 1 });
    // Suppliers domiciled in Antioquia: S1, S3 and S5.
    const antioquia = await dashboard({ department: '05' });
    expect(antioquia.funnel.find((f) => f.sizeClass === 'micro')).toEqual({
      sizeClass: 'micro',
      registered: 2,
      matched: 2,
      bidding: 1,
      awarded: 1,
    });
    expect(antioquia.funnel.find((f) => f.sizeClass === 'pequena')?.registered).toBe(0);
  });

  it('drills down from a figure to the processes behind it', async () => {
    const page: ReportProcessPage = (await officer.get(`/api/v1/reports/processes?${year({ measure: 'nationalValueCop' })}`).expect(200))
      .body;
    expect(page.total).toBe(2);
    expect(page.items.map((p) => [p.tenderId, p.value])).toEqual([
      [T.T1, '900'],
      [T.T2, '300'],
    ]);
    const voids: ReportProcessPage = (await officer.get(`/api/v1/reports/processes?${year({ measure: 'voidProcesses' })}`).expect(200))
      .body;
    expect(voids.items.map((p) => p.tenderId)).toEqual([T.T4]);
  });

  it('keeps the cube equal to its facts when a tender is refreshed again or everything is rebuilt', async () => {
    const before = await dashboard();
    await db.transaction((em) => refreshReportFacts(em, [T.T1]));
    await db.transaction((em) => refreshReportFacts(em, null));
    const after = await dashboard();
    expect(after.current).toEqual(before.current);
    expect(after.breakdowns).toEqual(before.breakdowns);
    const [{ cells }] = await db.query(`SELECT count(*)::int AS cells FROM report_rollups WHERE lots = 0`);
    expect(cells).toBe(0);
  });

  it('lets a buyer read only its own organization and refuses others', async () => {
    const own = await dashboard({}, asBuyerA);
    expect(own.query.buyerOrganizationId).toBe(buyerA.organizationId);
    expect(own.current.totals.awardedValueCop).toBe('1700');
    const other = await asBuyerA.get(`/api/v1/reports/dashboard?${year({ buyerOrganizationId: buyerB })}`).expect(403);
    expect(other.body.errors[0]).toMatchObject({ field: 'buyerOrganizationId', code: 'own_organization_only' });
    const supplier = await createAccount(stack.api, 'supplier', 'supplier_admin');
    await (await signedIn(stack.api, supplier)).get(`/api/v1/reports/dashboard?${year()}`).expect(403);
    await new Browser(stack.api).get(`/api/v1/reports/dashboard?${year()}`).expect(401);
  });

  it('answers bad filters with field errors', async () => {
    const res = await officer.get(`/api/v1/reports/dashboard?from=2026-13-01&to=2026-12-31&department=5&modality=trueque`).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['department', 'from', 'modality']);
    const order = await officer.get(`/api/v1/reports/dashboard?from=2026-12-31&to=2026-01-01`).expect(400);
    expect(order.body.errors[0]).toMatchObject({ field: 'to', code: 'period_order' });
  });

  it('exports any table as CSV and XLSX with the filtered figures', async () => {
    const csv = await officer
      .get(`/api/v1/reports/export?${year({ table: 'department', format: 'csv', productiveBet: 'agroindustry' })}`)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^05,ANTIOQUIA,1400,2,1,64\.29,/);

    const xlsx = await officer
      .get(`/api/v1/reports/export?${year({ table: 'modality', format: 'xlsx' })}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe('Modalidad');
    const rows = [2, 3, 4].map((n) => [sheet.getRow(n).getCell(1).value, sheet.getRow(n).getCell(3).value]);
    expect(rows).toEqual([
      ['minima_cuantia', 1800],
      ['licitacion_publica', 1400],
      ['contratacion_directa', 300],
    ]);
    expect(book.worksheets[1].getRow(1).getCell(1).value).toMatch(/Periodo: 2026-01-01 — 2026-12-31/);
  });

  it('prints the dashboard as a PDF with cover, indicators, charts and method notes', async () => {
    const res = await officer
      .get(`/api/v1/reports/dashboard.pdf?${year({ department: '05' })}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.body);
    expect(text).toContain('Departamento: ANTIOQUIA');
    expect(text).toContain('Periodo: 2026-01-01');
    expect(text).toContain('$ 1.700'); // awarded value in Antioquia
    expect(text).toContain('Notas de método');
    expect(text).toContain('Ley 2046 de 2020');
  });
});
