import { expect, test } from '@playwright/test';
import { nitCheckDigit } from '@eslabon/domain';
import { signIn, signUpSupplier } from './support';

/** Demo buyer loaded by the seed the test runner applies (backend/src/demo/demo-data.ts). */
const DEMO_BUYER = { email: 'comprador01@demo.eslabon.local', password: 'eslabon-demo-2026' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test.use({ viewport: { width: 390, height: 844 } });

test('a new supplier completes the wizard on a phone and a buyer finds it by class and department', async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const legalName = `Calzado Industrial Tunja ${stamp} S.A.S.`;
  const email = `calzado-${stamp}@prueba.co`;
  const nit = String(800_000_000 + (stamp % 99_999_999));
  await signUpSupplier(page, legalName, 'Gloria Inés Pardo', email, 'una-clave-muy-segura');

  await page.goto('/proveedor/perfil');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Perfil de proveedor');

  // 1. Identidad
  await page.getByRole('radio', { name: 'Persona jurídica' }).check();
  await page.getByLabel('Razón social o nombre completo').fill(legalName);
  await page.getByLabel('NIT', { exact: true }).fill(nit);
  await page.getByLabel('DV', { exact: true }).fill(String(nitCheckDigit(nit)));
  await page.getByLabel('Representante legal').fill('Gloria Inés Pardo');
  await page.getByLabel('Correo de contacto').fill(email);
  await page.getByLabel('Teléfono de contacto').fill('+57 310 555 0199');
  await page.getByRole('combobox', { name: 'Departamento del domicilio' }).click();
  await page.getByRole('option', { name: 'BOYACÁ' }).click();
  await page.getByRole('combobox', { name: 'Municipio del domicilio' }).click();
  await page.getByRole('option', { name: 'TUNJA' }).click();
  await page.getByRole('radio', { name: 'Todo el país' }).check();
  await page.getByRole('button', { name: 'Guardar y continuar' }).click();
  await expect(page.getByText('Se guardó el paso «Identidad».')).toBeVisible();

  // 2. Situación legal: servicios with COP 150 millones in 2025 is micro (≤ 32.988 UVT).
  await page.getByRole('radio', { name: 'Empresa', exact: true }).check();
  await page.getByRole('radio', { name: 'Servicios', exact: true }).check();
  await page.getByLabel('Ingresos ordinarios del último año (pesos)').fill('150000000');
  await page.getByLabel('Año de los ingresos').fill('2025');
  await page.getByLabel('Fecha de constitución').fill('2019-03-15');
  await page.getByRole('button', { name: 'Guardar y continuar' }).click();
  await expect(page.getByTestId('size-class')).toContainText('Micro');

  // 3. Capacidades: two classes found by search.
  const search = page.getByLabel('Buscar clase UNSPSC');
  for (const [words, option] of [
    ['calzado de protección', /461816/],
    ['telas no tejidas', /111622/],
  ] as const) {
    await search.fill(words);
    await page.getByRole('option', { name: option }).click();
  }
  await expect(page.getByLabel('Clases UNSPSC elegidas')).toContainText('461816');
  await expect(page.getByLabel('Clases UNSPSC elegidas')).toContainText('111622');
  await page.getByLabel('Descripción de lo que vende o hace').fill('Botas de seguridad y calzado de protección para trabajadores.');
  await page.getByRole('button', { name: 'Guardar y continuar' }).click();
  await expect(page.getByText('Se guardó el paso «Capacidades».')).toBeVisible();

  // 4. Documentos: the RUT as a PDF.
  await page.getByRole('combobox', { name: 'Tipo de documento' }).click();
  await page.getByRole('option', { name: 'RUT', exact: true }).click();
  await page
    .getByLabel('Archivo (PDF, PNG o JPEG, máximo 10 MB)')
    .setInputFiles({ name: 'rut.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Subir documento' }).click();
  await expect(
    page.getByRole('link', { name: 'Descargar rut.pdf' }).or(page.getByRole('button', { name: 'Descargar rut.pdf' })),
  ).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // A buyer looks for protective footwear in Boyacá.
  await page.context().clearCookies();
  await signIn(page, DEMO_BUYER.email, DEMO_BUYER.password);
  await page.goto('/proveedores');
  await page.getByLabel('Clase o familia UNSPSC').fill('calzado de protección');
  await page.getByRole('option', { name: /461816/ }).click();
  await page.getByRole('combobox', { name: 'Departamento' }).click();
  await page.getByRole('option', { name: 'BOYACÁ' }).click();
  await expect(page).toHaveURL(/unspsc=461816/);
  await expect(page).toHaveURL(/department=15/);
  await expect(page.getByText(legalName)).toBeVisible();
  // The buyer's long account name wraps instead of widening the phone screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByText(legalName).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(legalName);
});
