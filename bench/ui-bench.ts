import type { Page } from '@playwright/test';
import type { FolioApi } from '../src/shared/contract';
import { DEFAULT_VALIDATION_START_GATE } from '../src/main/services/validation/validation-start-gate';
import { openBenchPage } from './bench-page';
import { percentile } from './measure';

/** What a curator sees in Chromium, timed through the web host on one corpus folder. */
export interface UiBenchResult {
  readonly items: number;
  /** From starting the host (services boot, folder open, scan starts) to the first row painted. */
  readonly firstRowsMs: number;
  /** The host's part of that: its process started (from source, under tsx), services booted and the folder's scan started. */
  readonly hostBootMs: number;
  /** The page's part: navigation start to the renderer's document loaded (bundle parsed and run). */
  readonly pageLoadMs: number;
  /** Navigation start to the first row painted, as the renderer's own clock reads it. */
  readonly pageToFirstRowsMs: number;
  /** From the same start to the full count shown. */
  readonly fullListMs: number;
  /** Keystroke in the search box to the updated count, per keystroke. */
  readonly keystrokeP50: number;
  /** With 14 keys this is the slowest one (`percentile` takes the nearest rank). */
  readonly keystrokeP95: number;
  /** The slowest of those keystrokes and the search text it made, for tracing what was slow. */
  readonly slowestKey: { readonly text: string; readonly ms: number };
  /**
   * Whether the folder's full validation had finished by the last of those keystrokes: it is
   * deferred until the scan is complete and the app quiet, so right after the list it has not.
   */
  readonly validationDoneAfterKeys: boolean;
  /** The same keystrokes again while validation's full run is in progress (null: it had ended). */
  readonly duringValidationP50: number | null;
  readonly duringValidationP95: number | null;
  /** Renderer JS heap with the whole list loaded. */
  readonly rendererHeapMb: number;
}

/** Types into the focused search box, one key at a time, and reads the renderer's query-to-paint measure of each (in typing order). */
async function typeSearch(page: Page, text: string): Promise<number[]> {
  const times: number[] = [];
  await page.evaluate(() => performance.clearMeasures('folio:list-updated'));
  for (const ch of text) {
    await page.keyboard.type(ch);
    await page.waitForFunction((n) => performance.getEntriesByName('folio:list-updated').length >= n, times.length + 1);
    times.push(await page.evaluate((i) => performance.getEntriesByName('folio:list-updated')[i]?.duration ?? 0, times.length));
  }
  return times;
}

const sorted = (times: readonly number[]): number[] => [...times].sort((a, b) => a - b);

/** Whether the folder's validation has finished, as the renderer would ask (`running`: pending or in progress). */
async function validationDone(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const result = await (window as unknown as { api: FolioApi }).api['validation:problems']({ file: '.folio/schema.json' });
    return result.ok && !result.value.running;
  });
}

/** Runs the built renderer (`npm run build` first) against `dir` in headless Chromium. */
export async function benchUi(dir: string): Promise<UiBenchResult> {
  const bench = await openBenchPage(dir);
  const { page, host, hostStartedAt: start } = bench;
  const hostBootMs = performance.now() - start;
  try {
    await page.goto(host.url);
    // Polled every frame in the page: the renderer's clock when a row is first in the DOM.
    const firstRowAt = await page.waitForFunction(() => (document.querySelector('.item-row') === null ? false : performance.now()), undefined, { timeout: 600_000 });
    const pageToFirstRowsMs = (await firstRowAt.jsonValue()) as number;
    const firstRowsMs = performance.now() - start;
    const pageLoadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? 0);
    await page.locator('.list-status').filter({ hasText: /^\d+ items$/ }).waitFor({ timeout: 600_000 });
    await page.waitForFunction(() => document.querySelector('.index-progress') === null, undefined, { timeout: 600_000 });
    const listCompleteAt = performance.now();
    const fullListMs = listCompleteAt - start;
    const items = Number(/(\d+)/.exec((await page.locator('.list-status').textContent()) ?? '')?.[1] ?? 0);
    // Each keystroke: type one character and read the renderer's own query-to-paint measure.
    const search = page.getByLabel('Search items');
    await search.focus();
    const typed = 'patient portal';
    const times = await typeSearch(page, typed);
    const slowest = times.reduce((worst, ms, i) => (ms > (times[worst] ?? 0) ? i : worst), 0);
    const validationDoneAfterKeys = await validationDone(page);
    // Again once validation's deferred full run has surely started (its gate holds it at most
    // this long after the scan), if it is still running: what typing costs beside it.
    let during: number[] | null = null;
    const heldUntil = listCompleteAt + DEFAULT_VALIDATION_START_GATE.maxQuietWaitMs + 1000;
    if (performance.now() < heldUntil) await page.waitForTimeout(heldUntil - performance.now());
    if (!(await validationDone(page))) {
      await search.fill('');
      await page.waitForFunction(() => /^\d+ items$/.test(document.querySelector('.list-status')?.textContent ?? ''));
      // Other words than the first time: no query the list engine has just answered.
      during = await typeSearch(page, 'remote monitor');
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return {
      items,
      firstRowsMs,
      hostBootMs,
      pageLoadMs,
      pageToFirstRowsMs,
      fullListMs,
      keystrokeP50: percentile(sorted(times), 50),
      keystrokeP95: percentile(sorted(times), 95),
      slowestKey: { text: typed.slice(0, slowest + 1), ms: times[slowest] ?? 0 },
      validationDoneAfterKeys,
      duringValidationP50: during === null ? null : percentile(sorted(during), 50),
      duringValidationP95: during === null ? null : percentile(sorted(during), 95),
      rendererHeapMb: heap.usedSize / 2 ** 20,
    };
  } finally {
    await bench.close();
  }
}
