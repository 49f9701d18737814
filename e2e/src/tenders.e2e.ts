import { Locator, Page, expect, test } from '@playwright/test';
import { addBusinessDays } from '@eslabon/domain';
import { signIn } from './support';

/** Demo accounts loaded by the seed the test runner applies (backend/src/demo/demo-data.ts). */
const PASSWORD = 'eslabon-demo-2026';
const BUYER = 'comprador02@demo.eslabon.local';
const ASKER = 'proveedor03@demo.eslabon.local';
const OTHER_SUPPLIER = 'proveedor04@demo.eslabon.local';
const ARTIFACTS = 'e2e/test-results/artifacts';

const bogotaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(new Date());

async function choose(page: Page, scope: Page | Locator, label: string, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** The stepper keeps every step in the page; only the current one's buttons are visible. */
const next = (page: Page) => page.locator('button:visible', { hasText: /^\s*Siguiente\s*$/ }).click();

async function fillLot(page: Page, lot: Locator, title: string, words: string, unspsc: RegExp, value: string): Promise<void> {
  await lot.getByLabel('Nombre del lote').fill(title);
  await lot.getByLabel('Buscar clase UNSPSC').fill(words);
  await page.getByRole('option', { name: unspsc }).click();
  await lot.getByLabel('Cantidad').fill('300');
  await lot.getByLabel('Unidad', { exact: true }).fill('unidad');
  await lot.getByLabel('Valor estimado (pesos)').fill(value);
}

test('a buyer publishes a tender with a lot reserved for mipymes; a supplier asks, the buyer answers, and nobody sees who asked', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `Dotación de brigadas forestales ${Date.now()}`;
  const buyer = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(buyer, BUYER, PASSWORD);

  await buyer.goto('/comprador/procesos/nuevo');
  await expect(buyer.getByRole('heading', { level: 1 })).toHaveText('Nuevo proceso de compra');
  await buyer.getByLabel('Objeto del proceso').fill(title);
  await buyer.getByLabel('Descripción de la necesidad').fill('Uniformes y botas para 300 brigadistas forestales.');
  await choose(buyer, buyer, 'Modalidad de selección', 'Licitación pública');
  await choose(buyer, buyer, 'Departamento de ejecución', 'BOYACÁ');
  await choose(buyer, buyer, 'Municipio de ejecución', 'TUNJA');
  await next(buyer);

  // Two lots, the first reserved for mipymes; the panel counts who could supply each.
  const lots = buyer.locator('fieldset.lot');
  if ((await lots.count()) === 0) await buyer.getByRole('button', { name: 'Agregar un lote' }).click();
  await fillLot(buyer, buyer.getByTestId('lot-0'), 'Uniformes', 'uniformes', /531027/, '150000000');
  await buyer.getByTestId('lot-0').getByRole('checkbox', { name: 'Reservar este lote a mipymes' }).check();
  await buyer.getByRole('button', { name: 'Agregar un lote' }).click();
  await fillLot(buyer, buyer.getByTestId('lot-1'), 'Botas de seguridad', 'calzado de protección', /461816/, '80000000');
  await expect(buyer.getByTestId('total')).toContainText('230.000.000');
  await expect(buyer.getByTestId('matches-0')).toContainText('proveedores posibles');
  await next(buyer);

  // The schedule in Colombian business days, from the modality's defaults.
  await buyer.getByTestId('opening-date').fill(addBusinessDays(bogotaToday(), 15));
  await buyer.getByRole('button', { name: 'Calcular plazos' }).click();
  await next(buyer);
  await expect(buyer.getByTestId('criteria-ok')).toBeVisible();
  await buyer.getByRole('tab', { name: /Revisión/ }).click();
  await buyer.screenshot({ path: `${ARTIFACTS}/tender-wizard-review.png`, fullPage: true });
  await buyer.getByRole('button', { name: 'Publicar' }).click();
  await buyer.waitForURL(/\/comprador\/procesos\/[0-9a-f-]{36}$/);
  const tenderId = buyer.url().split('/').pop() as string;
  await expect(buyer.getByTestId('status')).toContainText('Proyecto de pliego');

  // A supplier reads it on a phone and asks about the boots.
  const asker = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(asker, ASKER, PASSWORD);
  await asker.goto(`/procesos/${tenderId}`);
  await expect(asker.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(asker.getByText('Reservado a mipymes').first()).toBeVisible();
  await asker.getByLabel('Su pregunta').fill('¿Se aceptan botas con puntera de composite en lugar de acero?');
  await asker.getByRole('button', { name: 'Enviar la pregunta' }).click();
  await expect(asker.getByText('Su pregunta quedó publicada')).toBeVisible();
  expect(await asker.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await asker.screenshot({ path: `${ARTIFACTS}/tender-public-phone.png`, fullPage: true });

  // The buyer answers from the management page.
  await buyer.reload();
  await buyer.getByRole('tab', { name: 'Preguntas' }).click();
  await buyer.getByLabel('Respuesta').fill('Sí, siempre que cumplan la norma NTC 2396.');
  await buyer.getByRole('button', { name: 'Publicar la respuesta' }).click();
  await expect(buyer.getByText('Sí, siempre que cumplan la norma NTC 2396.')).toBeVisible();

  // Another supplier sees the question and the answer, and nothing of who asked.
  const other = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(other, OTHER_SUPPLIER, PASSWORD);
  const questions = other.waitForResponse((r) => r.url().endsWith(`/api/v1/public/tenders/${tenderId}/questions`));
  await other.goto(`/procesos/${tenderId}`);
  const body = await (await questions).text();
  await expect(other.getByText('¿Se aceptan botas con puntera de composite en lugar de acero?')).toBeVisible();
  await expect(other.getByText('Sí, siempre que cumplan la norma NTC 2396.')).toBeVisible();
  const askerOrganization = (await (await asker.request.get('/api/v1/auth/session')).json()).memberships[0].organizationName as string;
  expect(body).not.toContain(askerOrganization);
  await expect(other.locator('body')).not.toContainText(askerOrganization);
  await expect(other.locator('.mine')).toHaveCount(0);
  // The asker alone sees it marked as theirs.
  await asker.reload();
  await expect(asker.locator('.mine')).toHaveText('Su pregunta');
});
