import { expect, test } from '@playwright/test';

test('the status page shows the database, Redis and a live worker', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Estado del sistema' }).click();
  await expect(page).toHaveURL(/\/estado$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Estado del sistema');
  await expect(page.getByTestId('check-database')).toContainText('Disponible');
  await expect(page.getByTestId('check-redis')).toContainText('Disponible');
  // The worker beats every second in the test stack; refresh until its beat has been seen.
  await expect(async () => {
    await page.getByRole('button', { name: 'Actualizar' }).click();
    await expect(page.getByTestId('overall')).toHaveText('Estado general: Operativo', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('check-worker')).toContainText('Último latido');
});

test('the API answers health and serves its documentation', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect((await health.json()).checks.database.status).toBe('up');

  await page.goto('/api/docs');
  await expect(page.getByText('Eslabón API').first()).toBeVisible();
});

test('unknown pages show a helpful not-found page', async ({ page }) => {
  await page.goto('/no-existe');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Página no encontrada');
  await page.getByRole('link', { name: 'Volver al inicio' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('industria nacional');
});
