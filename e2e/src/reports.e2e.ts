import { expect, test } from '@playwright/test';
import type { ReportDashboard, ReportProcessPage } from '@eslabon/contracts';
import { pdfText } from '@eslabon/test-support';
import { Workbook } from 'exceljs';
import { readFileSync } from 'node:fs';
import { choose, signIn } from './support';

const OFFICER = { email: 'veeduria@eslabon.local', password: 'eslabon-veeduria-e2e' };
const bogotaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(new Date());
const cop = (v: string) => new Intl.NumberFormat('es-CO', { maximumFractionDigits: 0 }).format(BigInt(v));

test('an officer filters the national-industry dashboard to a department and an apuesta productiva, drills into a figure and downloads XLSX and PDF', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, OFFICER.email, OFFICER.password);
  const today = bogotaToday();
  const filtered = `from=${today.slice(0, 4)}-01-01&to=${today}&department=05&productiveBet=health`;
  // The worker turns the demo's award events into report facts shortly after the product starts.
  let expected: ReportDashboard | undefined;
  await expect(async () => {
    expected = await (await page.request.get(`/api/v1/reports/dashboard?${filtered}`)).json();
    expect(Number(expected?.current.totals.processes)).toBeGreaterThan(0);
  }).toPass({ timeout: 60_000 });
  const figures = expected as ReportDashboard;
  const awarded = figures.current.totals.awardedValueCop;
  const antioquia = figures.breakdowns.department.find((r) => r.key === '05');
  expect(antioquia?.totals.awardedValueCop).toBe(awarded);

  await page.goto('/informes');
  await expect(page.getByTestId('figure-awardedValueCop')).toBeVisible();
  await choose(page, page, 'Departamento de ejecución', /antioquia/i);
  await choose(page, page, 'Apuesta productiva', 'Reindustrialización en salud');
  await page.waitForURL((url) => url.searchParams.get('department') === '05' && url.searchParams.get('productiveBet') === 'health');
  await expect(page.getByTestId('figure-awardedValueCop')).toContainText(cop(awarded));
  // Other departments are filtered out of the breakdown.
  await expect(page.getByTestId('table-department').locator('tbody tr')).toHaveCount(1);

  // Drill-down: the processes behind the awarded value are those the API lists for the same filters.
  const behind: ReportProcessPage = await (await page.request.get(`/api/v1/reports/processes?${filtered}&measure=awardedValueCop`)).json();
  expect(behind.total).toBeGreaterThan(0);
  await page.getByTestId('figure-awardedValueCop').click();
  const drilldown = page.getByTestId('drilldown');
  await expect(drilldown).toBeVisible();
  for (const p of behind.items) await expect(drilldown).toContainText(p.reference);
  await expect(drilldown.getByRole('link', { name: behind.items[0].reference })).toHaveAttribute(
    'href',
    `/procesos/${behind.items[0].tenderId}`,
  );
  await page.keyboard.press('Escape');

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-department-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new Workbook();
  await book.xlsx.readFile(await xlsx.path());
  const sheet = book.worksheets[0];
  const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
  // Header, then Antioquia alone, with the awarded value of the filtered dashboard.
  expect(rows).toHaveLength(2);
  expect(rows[1].slice(1, 4)).toEqual(['05', antioquia?.label, Number(awarded)]);
  expect(String(book.worksheets[1].getCell('A2').value)).toContain('Reindustrialización en salud');

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
  const body = readFileSync(await pdf.path());
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(body);
  expect(text).toContain(`Departamento: ${antioquia?.label}`);
  expect(text).toContain('Apuesta productiva: Reindustrialización en salud');
  expect(text).toContain(`$ ${cop(awarded)}`);
  expect(text).toContain('Notas de método');
});
