import { Page, expect, test } from '@playwright/test';
import type { RuleParameterVersionView, TenderInput } from '@eslabon/contracts';
import { addBusinessDays, defaultSchedule, type ScheduleRule } from '@eslabon/domain';
import { Client } from 'pg';
import { apiCall, mailsTo, registerSupplier, signIn } from './support';

/** Demo buyer loaded by the seed the test runner applies (backend/src/demo/demo-data.ts). */
const BUYER = { email: 'comprador01@demo.eslabon.local', password: 'eslabon-demo-2026' };
const bogotaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(new Date());

/**
 * The journey spans weeks of procurement calendar: the opening, the closing and the end of the
 * comment period are moved in the database as the clock would move them, and nothing else is.
 */
async function moveClock(sql: string, params: unknown[]): Promise<void> {
  const db = new Client({ connectionString: process.env['E2E_DATABASE_URL'] });
  await db.connect();
  try {
    await db.query(sql, params);
  } finally {
    await db.end();
  }
}

const CERTIFICATE = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

async function bid(page: Page, tenderId: string, price: string, status: RegExp, component?: string): Promise<string> {
  await page.goto(`/procesos/${tenderId}`);
  await page.getByTestId('present-bid').click();
  await page.waitForURL(`**/procesos/${tenderId}/oferta`);
  await page.getByTestId('offer-lot-1').getByRole('checkbox').check();
  await page.getByTestId('price-1').fill(price);
  await page.getByTestId('national-1').click();
  await page.getByRole('option', { name: status }).click();
  if (component) await page.getByTestId('component-1').fill(component);
  // The chamber-of-commerce certificate goes in the habilitantes envelope, sealed on upload.
  await page
    .getByTestId('upload-habilitantes')
    .setInputFiles({ name: 'camara-de-comercio.pdf', mimeType: 'application/pdf', buffer: CERTIFICATE });
  await expect(page.getByTestId('document-habilitantes-1')).toContainText('camara-de-comercio.pdf');
  await page.getByTestId('review-bid').click();
  // The review shows exactly what will be sealed.
  await expect(page.getByTestId('bid-review')).toContainText(Number(price).toLocaleString('es-CO'));
  await page.getByTestId('seal-bid').click();
  await page.getByTestId('receipt-link').click();
  const digest = page.getByTestId('receipt-digest');
  await expect(digest).toHaveText(/[0-9a-f]{64}/);
  return (await digest.textContent())?.match(/[0-9a-f]{64}/)?.[0] as string;
}

test('two suppliers bid, the committee evaluates, the national mipyme wins on national-industry points, and both hear of the award', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const title = `Suministro de válvulas industriales ${stamp}`;

  // The buyer publishes a licitación pública of one lot (through the API: the wizard has its own journey).
  const buyer = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(buyer, BUYER.email, BUYER.password);
  const session = (await (await buyer.request.get('/api/v1/auth/session')).json()) as { memberships: { organizationId: string }[] };
  const buyerId = session.memberships[0].organizationId;
  const versions = (await (await buyer.request.get('/api/v1/reference/rule-parameters')).json()) as RuleParameterVersionView[];
  const rules = versions.find((v) => v.parameter === 'schedule_defaults' && v.current)?.value as Record<string, ScheduleRule>;
  const terms: TenderInput = {
    title,
    description: 'Válvulas de compuerta para la red de acueducto.',
    modality: 'licitacion_publica',
    productiveBet: 'territories',
    executionDepartment: '05',
    executionMunicipality: '05001',
    estimatedValueCop: '80000000',
    schedule: defaultSchedule(addBusinessDays(bogotaToday(), 15), rules['licitacion_publica']),
    closingTime: '17:00',
    criteria: {
      totalPoints: 100,
      parts: [
        { key: 'price', label: 'Precio', points: 70 },
        { key: 'quality', label: 'Calidad técnica', points: 19.5 },
        { key: 'mipyme_bonus', label: 'Mipyme', points: 0.25 },
        { key: 'women_led_bonus', label: 'Empresa de mujeres', points: 0.25 },
      ],
      nationalIndustryPoints: 10,
      foreignComponentPoints: 5,
    },
    lots: [
      {
        title: 'Válvulas de compuerta',
        description: 'Válvulas de 6 pulgadas',
        unspscClasses: ['401416'],
        quantity: '120',
        unit: 'unidad',
        estimatedValueCop: '80000000',
        reservedForMipymes: false,
        reservedForEconomiaPopular: false,
        territorialLimitation: null,
        nationalComponentMinPercent: 20,
      },
    ],
  };
  const draft = (await apiCall(buyer, 'POST', `/api/v1/buyers/${buyerId}/tenders`, terms)) as { id: string };
  await apiCall(buyer, 'POST', `/api/v1/tenders/${draft.id}/transitions`, { transition: 'publish_draft' });
  // Weeks pass: the opening date comes, after the mipyme request window.
  await moveClock(
    `UPDATE tenders SET schedule = schedule || jsonb_build_object('opening', $2::text, 'mipymeRequestDeadline', $3::text) WHERE id = $1`,
    [draft.id, bogotaToday(), addBusinessDays(bogotaToday(), -1)],
  );
  await apiCall(buyer, 'POST', `/api/v1/tenders/${draft.id}/transitions`, { transition: 'open' });
  const tenderId = draft.id;

  // A national mipyme (micro, Medellín) and a large firm offering foreign valves with 30 % Colombian parts.
  const mipyme = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const mipymeEmail = `valvulas-${stamp}@prueba.co`;
  await registerSupplier(mipyme, {
    organization: `Válvulas de Antioquia ${stamp} S.A.S.`,
    person: 'Lucía Arango',
    email: mipymeEmail,
    nit: String(800_000_000 + (stamp % 99_999_999)),
    incomeCop: '300000000',
    sector: 'manufactura',
    domicileMunicipality: '05001',
    coverage: { scope: 'national' },
    unspscClasses: ['401416'],
    description: 'Fabricación de válvulas.',
  });
  const large = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const largeEmail = `global-${stamp}@prueba.co`;
  await registerSupplier(large, {
    organization: `Global Valves Colombia ${stamp} S.A.S.`,
    person: 'Mark Jensen',
    email: largeEmail,
    nit: String(900_000_000 + (stamp % 99_999_999)),
    incomeCop: '90000000000',
    sector: 'manufactura',
    domicileMunicipality: '11001',
    coverage: { scope: 'national' },
    unspscClasses: ['401416'],
    description: 'Importación de válvulas.',
  });

  // Both bid through the form; the large firm is cheaper.
  const mipymeDigest = await bid(mipyme, tenderId, '74000000', /^Bienes nacionales/);
  expect(await mipyme.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await bid(large, tenderId, '70000000', /^Extranjero con componente nacional/, '30');
  expect((await mailsTo(mipymeEmail)).some((m) => m.text.includes(mipymeDigest))).toBe(true);

  // The closing instant passes.
  await moveClock(`UPDATE tenders SET closing_at = now() - interval '1 second' WHERE id = $1`, [tenderId]);

  // The committee (the buyer itself) evaluates: both pass, the same technical score.
  await buyer.goto(`/comprador/procesos/${tenderId}/evaluacion`);
  await expect(buyer.getByTestId('closing-record')).toContainText(`Válvulas de Antioquia ${stamp}`);
  await buyer.getByTestId('committee-members').click();
  await buyer.getByRole('option', { name: new RegExp(BUYER.email) }).click();
  await buyer.keyboard.press('Escape');
  await buyer.getByTestId('save-committee').click();
  await expect(buyer.getByTestId('committee')).toContainText(BUYER.email);
  await buyer.getByTestId('start-evaluation').click();
  const cards = buyer.locator('article[data-testid^="review-"]');
  await expect(cards).toHaveCount(2);
  await expect(buyer.locator('[data-testid^="download-"]')).toHaveCount(2);
  for (const card of await cards.all()) {
    const bidId = ((await card.getAttribute('data-testid')) as string).slice('review-'.length);
    await card.getByTestId(`habilitante-${bidId}`).click();
    await buyer.getByRole('option', { name: 'Cumple', exact: true }).click();
    await card.locator(`[data-testid^="score-${bidId}-"][data-testid$="-quality"]`).fill('15');
    await card.getByTestId(`save-review-${bidId}`).click();
    await expect(card).toContainText('Revisión guardada');
  }
  // Cheaper by 4 million, the large firm still comes second: national goods carry 10 points, its 30 % Colombian parts 5.
  const ranks = buyer.getByTestId('rank-row');
  await expect(ranks.first()).toContainText(`Válvulas de Antioquia ${stamp}`);
  await expect(ranks.nth(1)).toContainText(`Global Valves Colombia ${stamp}`);
  await buyer.getByTestId('comment-until').fill(addBusinessDays(bogotaToday(), 5));
  await buyer.getByTestId('publish-report').click();
  await expect(buyer.getByTestId('seed')).toContainText(/[0-9a-f]{64}/);

  // The comment period ends with no observations; the buyer awards the lot to the first ranked.
  await moveClock(`UPDATE evaluation_reports SET comment_until = $2 WHERE tender_id = $1`, [tenderId, addBusinessDays(bogotaToday(), -1)]);
  await buyer.goto(`/comprador/procesos/${tenderId}/adjudicacion`);
  await expect(buyer.getByTestId('first-ranked')).toContainText(`Válvulas de Antioquia ${stamp}`);
  await buyer.locator('[data-testid^="start-"]').fill(addBusinessDays(bogotaToday(), 10));
  await buyer.locator('[data-testid^="end-"]').fill(addBusinessDays(bogotaToday(), 120));
  await buyer.getByTestId('award').click();
  await expect(buyer.getByTestId('award-winner')).toContainText(`Válvulas de Antioquia ${stamp}`);

  // Both bidders hear of it: in the bell and by e-mail; the public page shows the winner.
  for (const [page, email] of [
    [mipyme, mipymeEmail],
    [large, largeEmail],
  ] as const) {
    await expect(async () => {
      await page.goto('/notificaciones');
      await expect(page.getByText('El proceso fue decidido').first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(async () => {
      const mail = (await mailsTo(email)).find((m) => m.subject.includes('se decidió'));
      expect(mail?.text).toContain(`adjudicado a Válvulas de Antioquia ${stamp}`);
    }).toPass({ timeout: 20_000 });
  }
  await large.goto(`/procesos/${tenderId}`);
  await expect(large.getByTestId('award-winner')).toContainText(`Válvulas de Antioquia ${stamp}`);
});
