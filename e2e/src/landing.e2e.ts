import { expect, test } from '@playwright/test';

test.describe('landing page', () => {
  test('explains Eslabón in Spanish, without console errors, and is saved as a screenshot', async ({ page }, testInfo) => {
    const problems: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
    page.on('pageerror', (err) => problems.push(err.message));

    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es-CO');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compras públicas que hacen crecer la industria nacional');
    await expect(page.getByRole('navigation', { name: 'Navegación principal' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '¿Para quién es Eslabón?' })).toBeVisible();

    const screenshot = await page.screenshot({ path: testInfo.outputPath('landing-es-CO.png'), fullPage: true });
    await testInfo.attach('landing-es-CO', { body: screenshot, contentType: 'image/png' });
    expect(problems).toEqual([]);
  });

  test('switches to English and remembers it', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('radio', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Public procurement that grows national industry');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  });

  test('fits a 360 px wide phone without sideways scrolling', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Estado del sistema' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await testInfo.attach('landing-360px', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });

  for (const path of ['/', '/estado']) {
    test(`starts keyboard navigation on ${path} with a skip link to the main content`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Saltar al contenido principal' });
      await expect(skip).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.locator('main#main')).toBeFocused();
      expect(new URL(page.url()).pathname).toBe(path);
    });
  }
});
