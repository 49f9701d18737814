import { expect, test } from '@playwright/test';
import { mailsTo, publishThroughWizard, registerSupplier, signIn } from './support';

/** Demo buyer loaded by the seed the test runner applies (backend/src/demo/demo-data.ts). */
const BUYER = { email: 'comprador03@demo.eslabon.local', password: 'eslabon-demo-2026' };

test('a supplier of computers in Antioquia hears of a matching tender in the bell and by e-mail, opens it, and finds it again with a typo', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const stamp = Date.now();
  const title = `Adquisición de computadores para escuelas rurales ${stamp}`;
  const email = `sistemas-${stamp}@prueba.co`;
  const nit = String(700_000_000 + (stamp % 99_999_999));

  // The supplier registers class 432115 (Computadores), domiciled in Medellín, serving Antioquia.
  const supplier = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await registerSupplier(supplier, {
    organization: `Sistemas del Valle de Aburrá ${stamp} S.A.S.`,
    person: 'Julián Restrepo',
    email,
    nit,
    incomeCop: '400000000',
    sector: 'comercio',
    domicileMunicipality: '05001',
    coverage: { scope: 'departments', codes: ['05'] },
    unspscClasses: ['432115'],
    description: 'Venta e instalación de computadores.',
  });
  await supplier.goto('/procesos');
  const bell = supplier.getByRole('button', { name: /^Notificaciones/ });
  await expect(bell).toBeVisible();

  // A buyer publishes computers for Medellín.
  const buyer = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(buyer, BUYER.email, BUYER.password);
  const tenderId = await publishThroughWizard(buyer, {
    title,
    description: 'Computadores de escritorio para 40 sedes educativas rurales.',
    department: 'ANTIOQUIA',
    municipality: 'MEDELLÍN',
    lots: [{ title: 'Computadores de escritorio', words: 'computadores', unspsc: /432115/, value: '300000000' }],
  });
  const published = Date.now();

  // Within seconds the bell counts it (it polls; a navigation asks at once) and the e-mail arrives.
  await expect(async () => {
    await supplier.goto('/procesos');
    await expect(bell).toHaveAccessibleName(/1 sin leer/, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(async () => {
    const mail = (await mailsTo(email)).find((m) => m.subject.includes(title));
    expect(mail?.text).toContain('la clase 432115 coincide (lote 1)');
    expect(mail?.text).toContain(`/procesos/${tenderId}`);
  }).toPass({ timeout: 20_000 });
  test.info().annotations.push({ type: 'publish-to-notified', description: `${Date.now() - published} ms` });

  // It opens from the bell, with the reason in words.
  await bell.click();
  const notice = supplier.getByRole('dialog', { name: 'Notificaciones recientes' }).getByRole('link', { name: new RegExp(title) });
  await expect(notice).toContainText('Clase 432115 coincide (lote 1)');
  await notice.click();
  await supplier.waitForURL(`**/procesos/${tenderId}`);
  await expect(supplier.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(bell).toHaveAccessibleName('Notificaciones');

  // And search finds it again, misspelt and without accents.
  await supplier.goto('/procesos');
  await supplier.getByRole('combobox', { name: 'Buscar procesos' }).fill(`adquisicion computadres escuelas ${stamp}`);
  await supplier.keyboard.press('Enter');
  await expect(supplier.getByRole('article', { name: title }).getByRole('link', { name: title })).toBeVisible();
  expect(await supplier.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
