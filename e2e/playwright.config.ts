import { defineConfig } from '@playwright/test';

/**
 * Browser journeys against the running product. `npm test` (or `npm run test:e2e`) builds and
 * starts it and sets E2E_BASE_URL; Debian's Chromium is used because Playwright's own
 * browser download is not available everywhere.
 */
const baseURL = process.env['E2E_BASE_URL'];
if (!baseURL) throw new Error('E2E_BASE_URL is not set: run the browser tests with "npm run test:e2e".');

export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e.ts',
  outputDir: './test-results/artifacts',
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  workers: 2,
  timeout: 30_000,
  // The suite shares two cores with the API, the worker and the databases; a page under that load may
  // take longer than Playwright's default 5 s to show what it will show.
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env['E2E_JSON_REPORT'] ?? './test-results/report.json' }]],
  use: {
    baseURL,
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
