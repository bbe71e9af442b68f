import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import type { FolioApi } from '../src/shared/contract';
import { DEFAULT_VALIDATION_START_GATE } from '../src/main/services/validation/validation-start-gate';
import { generateCorpusItem, writeCorpus } from './generate-corpus';
import { percentile } from './measure';
import { openBenchPage } from './bench-page';

/** Opens and typing measured in one phase of validation (right after the list, during its run, after it). */
export interface EditingPhase {
  /**
   * Click on a list row to the item painted with its schema-driven form and its body in Monaco,
   * over `opens` different items.
   */
  readonly openP50: number;
  readonly openP95: number;
  readonly opens: number;
  /** Keydown to the next paint while typing into a form text field (with mirrors) of the 20-card item. */
  readonly formKeyP95: number;
  /** Longest main-thread task while typing in the form (0: none reached the 50 ms long-task floor). */
  readonly formLongestTaskMs: number;
  readonly formLongTasks: number;
  /** The same for the Monaco body editor. */
  readonly bodyKeyP95: number;
  readonly bodyLongestTaskMs: number;
  readonly bodyLongTasks: number;
}

/** Typing and opening an item in Chromium, timed through the web host on one corpus folder: the first phase, then the later ones. */
export interface EditingBenchResult extends EditingPhase {
  readonly items: number;
  /**
   * The first open, right after the list shows: it also waits for main to infer the folder's
   * schema when the app had no idle moment to do it before (reported apart, also in p95).
   */
  readonly openFirst: number;
  readonly formKeyP50: number;
  /**
   * Whether the folder's full validation had finished when the figures above were taken (false:
   * still pending behind its start gate, or running). Folio defers that run until the scan is
   * complete and the app is quiet, so right after the list shows it usually has not.
   */
  readonly validationDoneAtStart: boolean;
  readonly validationDoneAtEnd: boolean;
  /** The same journey again while validation's full run is in progress (null: it ended before). */
  readonly duringValidation: EditingPhase | null;
  /** ...and once it has finished (its problems delivered to the list, the form and the editors). */
  readonly afterValidation: EditingPhase | null;
}

/** Where the bench puts its item with a 20-card list of objects (removed afterwards). */
export const TWENTY_CARDS_PATH = 'bench-editing/twenty-cards.md';
const TYPED = 'Folio keeps every byte you did not edit, even at fifty thousand';
/** Enough that p95 is not just the slowest one or two opens. */
const OPENS = 40;
/** Opens in the later phases (during and after validation's run): fewer, the journey is the same. */
const LATER_OPENS = 20;
/** Between keys, like a quick typist: latency is measured, not how fast a queue of keys drains. */
const KEY_DELAY_MS = 60;

/** A seed-shaped item whose `relatedOfferings` list holds 20 cards (the generator makes 1-3). */
export function twentyCardItem(): string {
  const text = generateCorpusItem(0).text;
  const start = text.indexOf('\nrelatedOfferings:\n');
  const end = text.indexOf('\ntwitterMetaData:', start);
  if (start < 0 || end < 0) throw new Error('the generator no longer writes relatedOfferings before twitterMetaData');
  const cards = Array.from(
    { length: 20 },
    (_, i) => `  - label: Offering ${i + 1}\n    permalink: /offering/offering-${i + 1}\n    categories:\n      - 'KLAS: Patient Portals'\n    offeringId: ${11000 + i}`,
  );
  return `${text.slice(0, start)}\nrelatedOfferings:\n${cards.join('\n')}${text.slice(end)}`;
}

// Installed before the app's scripts: long tasks from the start, and keydown-to-next-paint per key.
function instrument(): void {
  const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __keyPaint: number[] };
  w.__longTasks = [];
  w.__keyPaint = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.addEventListener(
    'keydown',
    (event) => {
      const pressed = event.timeStamp;
      // rAF runs before the frame that shows the keystroke; a task queued from it runs after that paint.
      requestAnimationFrame(() => setTimeout(() => w.__keyPaint.push(performance.now() - pressed), 0));
    },
    true,
  );
}

interface TypingFigures {
  readonly keyTimes: number[];
  readonly longest: number;
  readonly count: number;
}

async function typeAndMeasure(page: Page, text: string): Promise<TypingFigures> {
  const since = await page.evaluate(() => {
    (window as unknown as { __keyPaint: number[] }).__keyPaint = [];
    return performance.now();
  });
  await page.keyboard.type(text, { delay: KEY_DELAY_MS });
  // Let debounced work (preview render, validation, drafts) land inside the window too.
  await page.waitForTimeout(600);
  return page.evaluate((from) => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __keyPaint: number[] };
    const tasks = w.__longTasks.filter((t) => t.start >= from);
    return { keyTimes: [...w.__keyPaint].sort((a, b) => a - b), longest: Math.max(0, ...tasks.map((t) => t.duration)), count: tasks.filter((t) => t.duration > 50).length };
  }, since);
}

/**
 * Opens `count` items one after another: click a row, then wait in the page for that item to be
 * on screen. Returns each open's time, in order.
 */
async function measureOpens(page: Page, count: number): Promise<number[]> {
  // Each open waits for the item's form built from its schema (not a schema-less first render:
  // the form is aria-busy until the schema is in) and its body in the editor. The pane keeps the
  // previous item's editors while the next one loads, so both are checked to be this item's.
  const opens: number[] = [];
  for (let i = 0; i < count; i++) {
    // Near and far rows in turn (rows 0..count-1 each once); aria-rowindex counts the header row.
    const rowIndex = (i % 2 === 0 ? i : count - i) + 2;
    // The list is virtualised: after a far row, a near one may have left the DOM. Scrolling the
    // list to it first (30 px rows, the header is row 1) brings it back.
    await page.evaluate((top) => document.querySelector('.item-table-scroll')?.scrollTo({ top }), Math.max(0, (rowIndex - 4) * 30));
    const row = page.locator(`.item-row[aria-rowindex="${rowIndex}"]`);
    const target = (await row.getAttribute('data-path')) ?? '';
    await row.scrollIntoViewIfNeeded();
    opens.push(
      await page.evaluate(async (wanted) => {
        const element = [...document.querySelectorAll('.item-row')].find((r) => r.getAttribute('data-path') === wanted) as HTMLElement;
        const start = performance.now();
        element.click();
        // Inline, not a named helper: tsx would wrap a named function in `__name`, unknown in the page.
        const selector = JSON.stringify(wanted);
        let inFrame = false;
        while (
          document.querySelector('.document-path')?.textContent !== wanted ||
          document.querySelector(`form[aria-label="Front matter"][data-item-path=${selector}]:not([aria-busy="true"]) [data-field-path="title"]`) === null ||
          document.querySelector(`.monaco-text-editor[data-region="body"][data-document=${selector}]`) === null
        ) {
          await new Promise((r) => requestAnimationFrame(r));
          inFrame = true;
        }
        // Checked in a frame callback, the page is what this frame paints: a task queued now runs
        // once it has. (A requestAnimationFrame from here would wait for the frame after it, and
        // count the preview's deferred first render that frame carries.)
        await new Promise((r) => (inFrame ? setTimeout(r, 0) : requestAnimationFrame(() => setTimeout(r, 0))));
        return performance.now() - start;
      }, target),
    );
  }
  return opens;
}

/** Quick-opens the 20-card item, types into its mirrored `title`, then into its body. */
async function typeInTwentyCardItem(page: Page): Promise<{ formTyping: TypingFigures; bodyTyping: TypingFigures }> {
  // The 20-card item, through quick open (rows are virtualised).
  await page.keyboard.press('Control+p');
  await page.getByLabel('Item title or path').fill(TWENTY_CARDS_PATH);
  await page.locator('.palette-results li', { hasText: TWENTY_CARDS_PATH }).first().waitFor();
  await page.keyboard.press('Enter');
  const form = page.locator('form[aria-label="Front matter"]');
  await form.locator('[data-row-path="relatedOfferings"] .ff-card').nth(19).waitFor();
  // `title` has mirrors (og, twitter, html meta): every keystroke edits four values.
  const title = form.locator('[data-field-path="title"]');
  await title.click();
  await page.keyboard.press('End');
  const formTyping = await typeAndMeasure(page, ` ${TYPED}`.slice(0, 60));

  const body = page.locator('.monaco-text-editor[data-region="body"]');
  await body.locator('.view-line').first().waitFor();
  await body.locator('.view-line').first().click();
  await page.keyboard.press('Control+End');
  const bodyTyping = await typeAndMeasure(page, ` ${TYPED}`.slice(0, 60));

  return { formTyping, bodyTyping };
}

/** Whether the folder's validation has finished, as the renderer would ask (`running`: pending or in progress). */
async function validationDone(page: Page): Promise<boolean> {
  return page.evaluate(async (file) => {
    const result = await (window as unknown as { api: FolioApi }).api['validation:problems']({ file });
    return result.ok && !result.value.running;
  }, TWENTY_CARDS_PATH);
}

/** A later phase: the typed edits reverted (so rows open without the unsaved-changes prompt), opens, typing. */
async function laterPhase(page: Page): Promise<EditingPhase> {
  await page.getByRole('button', { name: 'Revert' }).click();
  await page.locator('.dirty-marker').waitFor({ state: 'detached' });
  const opens = (await measureOpens(page, LATER_OPENS)).sort((a, b) => a - b);
  const { formTyping, bodyTyping } = await typeInTwentyCardItem(page);
  return phaseOf(opens, formTyping, bodyTyping);
}

/** One phase's figures from its sorted open times and its two typing runs. */
function phaseOf(sortedOpens: readonly number[], formTyping: TypingFigures, bodyTyping: TypingFigures): EditingPhase {
  return {
    openP50: percentile(sortedOpens, 50),
    openP95: percentile(sortedOpens, 95),
    opens: sortedOpens.length,
    formKeyP95: percentile(formTyping.keyTimes, 95),
    formLongestTaskMs: formTyping.longest,
    formLongTasks: formTyping.count,
    bodyKeyP95: percentile(bodyTyping.keyTimes, 95),
    bodyLongestTaskMs: bodyTyping.longest,
    bodyLongTasks: bodyTyping.count,
  };
}

/** Runs the built renderer (`npm run build` first) against `dir` in headless Chromium. */
export async function benchEditing(dir: string): Promise<EditingBenchResult> {
  const cardsFile = path.join(dir, ...TWENTY_CARDS_PATH.split('/'));
  await mkdir(path.dirname(cardsFile), { recursive: true });
  await writeFile(cardsFile, twentyCardItem());
  const bench = await openBenchPage(dir, instrument);
  const { page, host } = bench;
  try {
    await page.goto(host.url);
    await page.locator('.list-status').filter({ hasText: /^\d+ items$/ }).waitFor({ timeout: 600_000 });
    await page.waitForFunction(() => document.querySelector('.index-progress') === null, undefined, { timeout: 600_000 });
    const listCompleteAt = performance.now();
    const items = Number(/(\d+)/.exec((await page.locator('.list-status').textContent()) ?? '')?.[1] ?? 0);
    // The form tab, not raw YAML, whatever an earlier run left in storage.
    await page.evaluate(() => localStorage.setItem('folio.document.frontMatterTab', 'form'));
    await page.reload();
    await page.locator(`.item-row[aria-rowindex="${OPENS + 1}"]`).waitFor();

    const validationDoneAtStart = await validationDone(page);
    const opens = await measureOpens(page, OPENS);
    const openFirst = opens[0] ?? 0;
    opens.sort((a, b) => a - b);

    const { formTyping, bodyTyping } = await typeInTwentyCardItem(page);
    const validationDoneAtEnd = await validationDone(page);

    // Validation's full run, deferred until the list was complete and the app quiet, starts at the
    // latest its gate's longest hold after the scan: the same journey again while it runs...
    let duringValidation: EditingPhase | null = null;
    const heldUntil = listCompleteAt + DEFAULT_VALIDATION_START_GATE.maxQuietWaitMs + 1000;
    if (performance.now() < heldUntil) await page.waitForTimeout(heldUntil - performance.now());
    if (!(await validationDone(page))) duringValidation = await laterPhase(page);
    // ...and after it, with its problems in the list, the form and the editors.
    const doneBy = performance.now() + 900_000;
    while (!(await validationDone(page)) && performance.now() < doneBy) await page.waitForTimeout(1000);
    const afterValidation = (await validationDone(page)) ? await laterPhase(page) : null;

    return {
      ...phaseOf(opens, formTyping, bodyTyping),
      items,
      openFirst,
      formKeyP50: percentile(formTyping.keyTimes, 50),
      validationDoneAtStart,
      validationDoneAtEnd,
      duringValidation,
      afterValidation,
    };
  } finally {
    await bench.close();
    await rm(path.dirname(cardsFile), { recursive: true, force: true });
  }
}

/** The table `npm run bench` prints for one size. */
export function editingTable(result: EditingBenchResult): Record<string, string | number> {
  const task = (ms: number) => (ms === 0 ? '< 50' : ms.toFixed(0));
  return {
    'open item p50 (ms)': result.openP50.toFixed(1),
    [`open item p95 (ms, ${result.opens} opens)`]: result.openP95.toFixed(1),
    'open item: first open (ms)': result.openFirst.toFixed(1),
    'form keystroke to paint p50 (ms)': result.formKeyP50.toFixed(1),
    'form keystroke to paint p95 (ms)': result.formKeyP95.toFixed(1),
    'form typing: longest task (ms)': task(result.formLongestTaskMs),
    'form typing: tasks > 50 ms': result.formLongTasks,
    'body keystroke to paint p95 (ms)': result.bodyKeyP95.toFixed(1),
    'body typing: longest task (ms)': task(result.bodyLongestTaskMs),
    'body typing: tasks > 50 ms': result.bodyLongTasks,
    'validation finished before / after these (deferred until the list is complete and the app quiet)': `${result.validationDoneAtStart ? 'yes' : 'no'} / ${result.validationDoneAtEnd ? 'yes' : 'no'}`,
    ...phaseRows('while validation runs', result.duringValidation),
    ...phaseRows('after validation', result.afterValidation),
  };
}

function phaseRows(phase: string, figures: EditingPhase | null): Record<string, string | number> {
  if (figures === null) return { [phase]: 'not measured (it was not running by then)' };
  const task = (ms: number) => (ms === 0 ? '< 50' : ms.toFixed(0));
  return {
    [`${phase}: open item p50 / p95 (ms, ${figures.opens} opens)`]: `${figures.openP50.toFixed(1)} / ${figures.openP95.toFixed(1)}`,
    [`${phase}: form keystroke p95 (ms); longest task; tasks > 50 ms`]: `${figures.formKeyP95.toFixed(1)}; ${task(figures.formLongestTaskMs)}; ${figures.formLongTasks}`,
    [`${phase}: body keystroke p95 (ms); longest task; tasks > 50 ms`]: `${figures.bodyKeyP95.toFixed(1)}; ${task(figures.bodyLongestTaskMs)}; ${figures.bodyLongTasks}`,
  };
}

// `npx tsx bench/editing-bench.ts --sizes 1000,10000`: this measurement alone, on fresh corpora.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' } } });
  const root = await mkdtemp(path.join(os.tmpdir(), 'folio-editing-'));
  try {
    for (const size of values.sizes.split(',').map(Number)) {
      const dir = path.join(root, String(size));
      await mkdir(dir);
      await writeCorpus(dir, size, { defects: true });
      console.log(`\n${size} items`);
      console.table(editingTable(await benchEditing(dir)));
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
