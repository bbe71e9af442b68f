import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/*
 * Journeys run in Chromium against `npm run web` (the same renderer and services as the app).
 * Debian's /usr/bin/chromium is used when present because Playwright cannot download its own
 * browser on the build machines; elsewhere Playwright's bundled Chromium is used.
 */
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'web', testMatch: /.*\.web\.spec\.ts/, use: { browserName: 'chromium' } },
    { name: 'electron', testMatch: /.*\.electron\.spec\.ts/ },
  ],
});
