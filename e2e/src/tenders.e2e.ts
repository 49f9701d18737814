import { expect, test } from '@playwright/test';
import { publishThroughWizard, signIn } from './support';

/** Demo accounts loaded by the seed the test runner applies (backend/src/demo/demo-data.ts). */
const PASSWORD = 'eslabon-demo-2026';
const BUYER = 'comprador02@demo.eslabon.local';
const ASKER = 'proveedor03@demo.eslabon.local';
const OTHER_SUPPLIER = 'proveedor04@demo.eslabon.local';
const ARTIFACTS = 'e2e/test-results/artifacts';

test('a buyer publishes a tender with a lot reserved for mipymes; a supplier asks, the buyer answers, and nobody sees who asked', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `Dotación de brigadas forestales ${Date.now()}`;
  const buyer = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(buyer, BUYER, PASSWORD);

  const tenderId = await publishThroughWizard(buyer, {
    title,
    description: 'Uniformes y botas para 300 brigadistas forestales.',
    department: 'BOYACÁ',
    municipality: 'TUNJA',
    lots: [
      { title: 'Uniformes', words: 'uniformes', unspsc: /531027/, value: '150000000', reservedForMipymes: true },
      { title: 'Botas de seguridad', words: 'calzado de protección', unspsc: /461816/, value: '80000000' },
    ],
    // Two lots, the first reserved for mipymes; the panel counts who could supply each.
    checkLots: async () => {
      await expect(buyer.getByTestId('total')).toContainText('230.000.000');
      await expect(buyer.getByTestId('matches-0')).toContainText('proveedores posibles');
    },
    beforePublish: () => buyer.screenshot({ path: `${ARTIFACTS}/tender-wizard-review.png`, fullPage: true }),
  });
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
