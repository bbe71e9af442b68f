import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { chromium, type Page } from '@playwright/test';
import { spawnWebHost } from '../scripts/spawn-web-host';

/** The web host a bench page talks to, in a process of its own. */
export interface BenchHost {
  /** The URL with the access token. */
  readonly url: string;
}

/** A headless Chromium page on the built renderer, served by a web host on one folder. */
export interface BenchPage {
  readonly page: Page;
  readonly host: BenchHost;
  /** `performance.now()` when the host's process was started (after the browser was up). */
  readonly hostStartedAt: number;
  /** Closes the browser, stops the host, and removes the host's data folder. */
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium (or Playwright's) and a web host on `dir` (`npm run build` first).
 * The host runs in its own process, as the app's main process does: in this one, Playwright's
 * client would share its event loop and add to the latencies measured.
 */
export async function openBenchPage(dir: string, init?: () => void): Promise<BenchPage> {
  const browser = await chromium.launch({
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  if (init !== undefined) await page.addInitScript(init);
  const hostStartedAt = performance.now();
  const { url, child, dataDir } = await spawnWebHost(dir);
  return {
    page,
    host: { url },
    hostStartedAt,
    async close() {
      await browser.close();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
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
