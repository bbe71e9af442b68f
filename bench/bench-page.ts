import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startWebHost, type WebHost } from '../src/web/host/start-web-host';

/** A headless Chromium page on the built renderer, served by a web host on one folder. */
export interface BenchPage {
  readonly page: Page;
  readonly host: WebHost;
  /** Closes the browser and the host, and removes the host's data folder. */
  close(): Promise<void>;
}

const repoRoot = path.resolve(import.meta.dirname, '..');

/** Launches Debian's Chromium (or Playwright's) and a web host on `dir`; `npm run build` first. */
export async function openBenchPage(dir: string, init?: () => void): Promise<BenchPage> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-data-'));
  const browser = await chromium.launch({
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  if (init !== undefined) await page.addInitScript(init);
  const host = await startWebHost({ rendererDir: path.join(repoRoot, 'out', 'renderer'), folder: dir, dataDir, version: 'bench' });
  return {
    page,
    host,
    async close() {
      await browser.close();
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the list shows the whole folder (the count, no scan progress) and returns the count. */
export async function waitForWholeList(page: Page): Promise<number> {
  const status = page.locator('.list-status').filter({ hasText: /^\d+ items$/ });
  await status.waitFor({ timeout: 600_000 });
  await page.waitForFunction(() => document.querySelector('.index-progress') === null, undefined, { timeout: 600_000 });
  return Number(/(\d+)/.exec((await status.textContent()) ?? '')?.[1] ?? 0);
}
