import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openBenchPage, waitForWholeList } from './bench-page';
import { percentile } from './measure';

/** How fast the list follows a change, timed in Chromium through the web host on one corpus folder. */
export interface LiveUpdateBenchResult {
  readonly items: number;
  /** Another program writes an item's file, to its row showing the new title (painted). */
  readonly externalP50: number;
  readonly externalP95: number;
  /** Ctrl+S on an item edited in the form, to its row showing the saved title (painted). */
  readonly saveP50: number;
  readonly saveP95: number;
  readonly samples: number;
}

const SAMPLES = 10;
/** Between samples: the watcher's batch window, revalidation and git status of the last one settle. */
const GAP_MS = 700;

/** The path of the list row at `rowIndex` (aria-rowindex; the header is row 1). */
async function rowPath(page: Page, rowIndex: number): Promise<string> {
  const row = page.locator(`.item-row[aria-rowindex="${rowIndex}"]`);
  await row.scrollIntoViewIfNeeded();
  const relPath = await row.getAttribute('data-path');
  if (relPath === null) throw new Error(`row ${rowIndex} has no data-path`);
  return relPath;
}

/** Resolves with `Date.now()` in the page once the row of `relPath` shows `marker` and that frame is painted. */
function rowShows(page: Page, relPath: string, marker: string): Promise<number> {
  return page.evaluate(
    async ({ wanted, text }) => {
      const selector = `.item-row[data-path=${JSON.stringify(wanted)}]`;
      const deadline = performance.now() + 30_000;
      while (document.querySelector(selector)?.textContent.includes(text) !== true) {
        if (performance.now() > deadline) throw new Error(`row ${wanted} never showed ${text}`);
        await new Promise((r) => requestAnimationFrame(r));
      }
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return Date.now();
    },
    { wanted: relPath, text: marker },
  );
}

/**
 * An external write: the title gets a suffix (so a list sorted by title keeps the row in place),
 * written the way another editor does it. Timed from just before the write to the painted row.
 */
async function externalChange(page: Page, dir: string, relPath: string, marker: string): Promise<number> {
  const file = path.join(dir, ...relPath.split('/'));
  const text = await readFile(file, 'utf8');
  const changed = text.replace(/^title: (.*)$/m, (_line, title: string) => `title: ${JSON.stringify(`${title.replace(/^['"]|['"]$/g, '')} ${marker}`)}`);
  if (changed === text) throw new Error(`${relPath} has no top-level title line`);
  const shown = rowShows(page, relPath, marker);
  const written = Date.now();
  await writeFile(file, changed);
  return (await shown) - written;
}

/** Opens the row's item, appends `marker` to its title in the form, then times Ctrl+S to the painted row. */
async function saveFromForm(page: Page, relPath: string, marker: string): Promise<number> {
  await page.locator(`.item-row[data-path=${JSON.stringify(relPath)}]`).click();
  const title = page.locator(`form[aria-label="Front matter"][data-item-path=${JSON.stringify(relPath)}]:not([aria-busy="true"]) [data-field-path="title"]`);
  await title.click();
  await page.keyboard.press('End');
  await page.keyboard.type(` ${marker}`);
  await page.evaluate(() => {
    const w = window as unknown as { __savePressed: number | null };
    w.__savePressed = null;
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 's' && event.ctrlKey) w.__savePressed ??= event.timeStamp;
      },
      { capture: true },
    );
  });
  await page.keyboard.press('Control+s');
  return page.evaluate(
    async ({ wanted, text }) => {
      const selector = `.item-row[data-path=${JSON.stringify(wanted)}]`;
      const deadline = performance.now() + 30_000;
      while (document.querySelector(selector)?.textContent.includes(text) !== true) {
        if (performance.now() > deadline) {
          const typed = document.querySelector<HTMLInputElement>('form[aria-label="Front matter"] [data-field-path="title"]')?.value;
          throw new Error(`row ${wanted} never showed ${text}: row "${document.querySelector(selector)?.textContent ?? 'not in the list'}", title field "${typed ?? 'none'}"`);
        }
        await new Promise((r) => requestAnimationFrame(r));
      }
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const pressed = (window as unknown as { __savePressed: number | null }).__savePressed;
      if (pressed === null) throw new Error('Ctrl+S never reached the page');
      return performance.now() - pressed;
    },
    { wanted: relPath, text: marker },
  );
}

/** Runs the built renderer (`npm run build` first) against `dir`; edits ~20 items of it. */
export async function benchLiveUpdates(dir: string): Promise<LiveUpdateBenchResult> {
  const bench = await openBenchPage(dir);
  const { page } = bench;
  try {
    await page.goto(bench.host.url);
    const items = await waitForWholeList(page);
    const external: number[] = [];
    const saves: number[] = [];
    for (let i = 0; i < SAMPLES; i += 1) {
      external.push(await externalChange(page, dir, await rowPath(page, 2 + i), `live-${i}`));
      await page.waitForTimeout(GAP_MS);
    }
    for (let i = 0; i < SAMPLES; i += 1) {
      saves.push(await saveFromForm(page, await rowPath(page, 2 + SAMPLES + i), `saved-${i}`));
      await page.waitForTimeout(GAP_MS);
    }
    external.sort((a, b) => a - b);
    saves.sort((a, b) => a - b);
    return {
      items,
      externalP50: percentile(external, 50),
      externalP95: percentile(external, 95),
      saveP50: percentile(saves, 50),
      saveP95: percentile(saves, 95),
      samples: SAMPLES,
    };
  } finally {
    await bench.close();
  }
}
