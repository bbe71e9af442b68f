import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { copySample, expect, startHost, test } from './fixtures/web-host';
import { typeAtBodyEnd, unsavedMarker, withBodySuffix } from './fixtures/document';
import { startStallMeter } from './fixtures/stall-meter';
import { editor, openItem, waitForDisk, waitForItemCount } from './fixtures/ui';

/*
 * Issue 8, hardening under load (threats rows 14, 26, 28): huge files, an event storm and the
 * watcher limit, in the app. "Never freezes" is measured in the page: a 50 ms timer must keep
 * ticking (no gap over a second) and Chromium must report no long task over a second.
 */

const FREEZE_MS = 1_000;

/** Writes `size` bytes of Markdown after a small front matter, in chunks (never one 50 MB string). */
async function writeHugeFile(file: string, title: string, size: number, line: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.write(`---\ntitle: ${title}\n---\n`);
    const chunk = line.repeat(Math.ceil((1024 * 1024) / line.length)).slice(0, 1024 * 1024);
    for (let written = 0; written < size; written += chunk.length) await handle.write(chunk);
  } finally {
    await handle.close();
  }
}

test('a 50 MB file and a 5 MB single line open read-only within 3 s and never freeze the page (row 14)', async ({ page }) => {
  test.setTimeout(90_000);
  const folder = await copySample();
  await writeHugeFile(path.join(folder, 'news', 'huge-fifty.md'), 'Huge fifty megabytes', 50 * 1024 * 1024, 'A paragraph of a very long file.\n');
  // One line, no newline anywhere in the body: the case that freezes editors.
  await writeHugeFile(path.join(folder, 'news', 'huge-one-line.md'), 'Huge one line', 5 * 1024 * 1024, 'word ');
  const host = await startHost(folder);
  try {
    await page.goto(host.url);
    await waitForItemCount(page);
    const stop = await startStallMeter(page);

    for (const [rel, marker] of [
      ['news/huge-fifty.md', 'A paragraph of a very long file.'],
      ['news/huge-one-line.md', 'word word word'],
    ] as const) {
      // From the list, as a curator would: search narrows it to the row, a click opens it.
      await page.getByRole('searchbox', { name: 'Search items' }).fill(rel === 'news/huge-fifty.md' ? 'fifty' : 'one line');
      const row = page.locator(`.item-row[data-path="${rel}"]`);
      await row.click();
      const started = Date.now();
      await expect(page.locator('.document-path')).toHaveText(rel, { timeout: 3_000 });
      await expect(page.getByText('Large file: only the start is shown, read-only.')).toBeVisible({ timeout: 3_000 - (Date.now() - started) });
      const raw = page.getByLabel('Raw text');
      await expect(raw).toContainText(marker);
      // Only a preview crossed over: nothing near the file's size reached the page.
      expect((await raw.textContent())?.length ?? 0).toBeLessThan(1024 * 1024);
      await expect(page.locator('.monaco-text-editor')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
    }

    // The list is still clickable after both: an ordinary item opens for editing.
    await page.getByRole('searchbox', { name: 'Search items' }).fill('');
    await openItem(page, 'news/claim-denials-climb.md');
    await expect(editor(page, 'body').locator('.view-lines')).toContainText('Denials tied to missing prior authorizations');

    const report = await stop();
    expect(report.ticks).toBeGreaterThan(10);
    expect(report.maxGapMs).toBeLessThan(FREEZE_MS);
    expect(report.longestTaskMs).toBeLessThan(FREEZE_MS);
  } finally {
    host.child.kill('SIGTERM');
    await rm(folder, { recursive: true, force: true });
    await rm(host.dataDir, { recursive: true, force: true });
  }
});

test('a storm of 2,000 created then changed files keeps the page responsive and the dirty item untouched (row 26)', async ({ page, folio }) => {
  test.setTimeout(120_000);
  const rel = 'news/claim-denials-climb.md';
  const file = path.join(folio.folder, rel);
  const original = await readFile(file, 'utf8');
  await page.goto(folio.url);
  const before = await waitForItemCount(page);
  await openItem(page, rel);
  await typeAtBodyEnd(page, 'Typed before the storm.');
  await expect(unsavedMarker(page)).toBeVisible();
  const stop = await startStallMeter(page);

  // What a git checkout does: thousands of files appear, then change again.
  const count = 2_000;
  const storm = path.join(folio.folder, 'storm');
  await mkdir(storm);
  const names = Array.from({ length: count }, (_, i) => path.join(storm, `storm-${String(i).padStart(4, '0')}.md`));
  for (let i = 0; i < count; i += 200) {
    await Promise.all(names.slice(i, i + 200).map((name, j) => writeFile(name, `---\ntitle: Storm item ${i + j}\n---\nFirst version.\n`)));
  }
  for (let i = 0; i < count; i += 200) {
    await Promise.all(names.slice(i, i + 200).map((name, j) => writeFile(name, `---\ntitle: Storm item ${i + j} changed\n---\nSecond version.\n`)));
  }
  await expect(page.locator('.list-status')).toHaveText(`${before + count} items`, { timeout: 60_000 });

  // The list still answers: a search finds one of the changed items.
  await page.getByRole('searchbox', { name: 'Search items' }).fill('Storm item 1999 changed');
  await expect(page.locator('.item-row[data-path="storm/storm-1999.md"]')).toBeVisible();

  const report = await stop();
  expect(report.ticks).toBeGreaterThan(10);
  expect(report.maxGapMs).toBeLessThan(FREEZE_MS);
  expect(report.longestTaskMs).toBeLessThan(FREEZE_MS);

  // The dirty item was neither reloaded nor flagged: same buffer, still unsaved, and it saves
  // against the base it was opened from.
  await expect(page.locator('.document-path')).toHaveText(rel);
  await expect(unsavedMarker(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Changed on disk' })).toHaveCount(0);
  await expect(editor(page, 'body').locator('.view-lines')).toContainText('Typed before the storm.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  expect(await waitForDisk(file, original)).toBe(withBodySuffix(original, 'Typed before the storm.'));
});

test('the watcher limit (ENOSPC) shows a notice and changes still arrive by polling (row 28)', async ({ page }) => {
  const folder = await copySample();
  // Test-only seam (src/web/host/test-faults.ts): native watching fails as when inotify's
  // max_user_watches is exhausted, right after its first scan, before this page connects.
  const host = await startHost(folder, { env: { FOLIO_TEST_FAULTS: 'watch-limit' } });
  try {
    await page.goto(host.url);
    const before = await waitForItemCount(page);
    const notice = page.getByRole('status').filter({ hasText: 'Too many files to watch live' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('checking for changes every few seconds');

    // The app keeps working: an external add arrives through the polling watcher.
    await writeFile(path.join(folder, 'news', 'added-while-polling.md'), '---\ntitle: Added while polling\n---\nHello\n');
    await expect(page.locator('.list-status')).toHaveText(`${before + 1} items`, { timeout: 15_000 });
  } finally {
    host.child.kill('SIGTERM');
    await rm(folder, { recursive: true, force: true });
    await rm(host.dataDir, { recursive: true, force: true });
  }
});
