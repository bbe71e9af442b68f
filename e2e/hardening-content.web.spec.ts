import type { ChildProcess } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { copySample, expect, startHost, test } from './fixtures/web-host';
import { typeAtBodyEnd, unsavedMarker, withBodySuffix } from './fixtures/document';
import { startStallMeter } from './fixtures/stall-meter';
import { editor, openItem, waitForDisk, waitForItemCount } from './fixtures/ui';

/*
 * Issue 8, hardening of content handling in the app (threats rows 9, 12, 19): malformed and
 * hostile front matter never blocks the body, and a conflicting edit can be kept as a new file.
 */

const hosts: { child: ChildProcess; folder: string; dataDir: string }[] = [];
test.afterEach(async () => {
  for (const host of hosts.splice(0)) {
    host.child.kill('SIGTERM');
    await rm(host.folder, { recursive: true, force: true });
    await rm(host.dataDir, { recursive: true, force: true });
  }
});

/** A host on a sample copy that already holds `text` at `rel` when it starts, as a cloned folder would. */
async function withHost(page: Page, rel: string, text: string): Promise<string> {
  const folder = await copySample();
  const file = path.join(folder, rel);
  await writeFile(file, text);
  const { url, child, dataDir } = await startHost(folder);
  hosts.push({ child, folder, dataDir });
  await page.goto(url);
  await waitForItemCount(page);
  return file;
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

const malformed = [
  {
    name: 'a tab indent',
    rel: 'news/tab-indent.md',
    text: '---\ntitle: Tabbed item\ntags:\n\t- one\n---\nBody of the tabbed item.\n',
    code: 'tab-indentation',
    position: '4:1',
    reason: 'Line 4: Tabs cannot be used to indent YAML; use spaces.',
  },
  {
    name: 'an unclosed quote',
    rel: 'news/unclosed-quote.md',
    text: "---\ntitle: \"Unclosed quote\ndate: '2024-01-02'\n---\nBody of the unclosed item.\n",
    code: 'yaml-syntax',
    // The panel's parser (js-yaml) reports where the stream ended; the form's (eemeli/yaml) where the quote opened.
    position: '4:1',
    reason: 'Line 2: YAML syntax problem: Missing closing "quote',
  },
] as const;

for (const c of malformed) {
  test(`front matter with ${c.name}: a located diagnostic, raw mode, and a body-only save keeps its bytes (row 12)`, async ({ page }) => {
    const file = await withHost(page, c.rel, c.text);

    // The Problems panel names the code and the line:column (of a file that was there on open).
    await page.getByRole('button', { name: /^Problems/ }).click();
    const problem = page.locator(`.problem-row[data-file="${c.rel}"]`);
    await expect(problem).toHaveAttribute('data-code', c.code);
    await expect(problem).toContainText(c.position);

    await openItem(page, c.rel);
    await expect(page.getByRole('status').filter({ hasText: 'The form is read-only.' })).toContainText(c.reason);
    // Raw mode: the front matter as written, to fix by hand.
    await page.getByRole('tab', { name: 'Raw YAML' }).click();
    await expect(page.getByText('YAML has errors: the form is read-only until they are fixed.')).toBeVisible();
    await expect(editor(page, 'front-matter').locator('.view-lines')).toContainText(c.text.split('\n')[1] ?? '');

    await typeAtBodyEnd(page, 'Edited body.');
    await save(page);
    expect(await waitForDisk(file, c.text)).toBe(withBodySuffix(c.text, 'Edited body.'));
    await expect(unsavedMarker(page)).toBeHidden();
  });
}

test('a YAML alias bomb in front matter is refused quickly and the body stays editable (row 9)', async ({ page }) => {
  const rel = 'news/yaml-bomb.md';
  // The billion laughs: each level nine times the one before, 9^9 nodes if expanded.
  const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
  const lines = levels.map((name, i) =>
    i === 0
      ? `${name}: &${name} [lol, lol, lol, lol, lol, lol, lol, lol, lol]`
      : `${name}: &${name} [${Array(9)
          .fill(`*${levels[i - 1]}`)
          .join(', ')}]`,
  );
  const text = `---\ntitle: A bomb\n${lines.join('\n')}\n---\nBody next to a bomb.\n`;
  const file = await withHost(page, rel, text);

  const stop = await startStallMeter(page);
  await openItem(page, rel);
  await expect(page.getByRole('status').filter({ hasText: 'The form is read-only.' })).toBeVisible();
  await typeAtBodyEnd(page, 'Still editable.');
  await expect(unsavedMarker(page)).toBeVisible();
  const report = await stop();
  // Expanding the aliases would take the page for seconds (and gigabytes); refusing them does not.
  expect(report.maxGapMs).toBeLessThan(1_000);
  expect(report.longestTaskMs).toBeLessThan(1_000);

  await save(page);
  expect(await waitForDisk(file, text)).toBe(withBodySuffix(text, 'Still editable.'));
});

test('a conflicting edit saved elsewhere lands in a new file, and never over an existing one (row 19)', async ({ page, folio }) => {
  const rel = 'news/portal-message-billing.md';
  const file = path.join(folio.folder, rel);
  const original = await readFile(file, 'utf8');
  await page.goto(folio.url);
  await waitForItemCount(page);
  await openItem(page, rel);
  await typeAtBodyEnd(page, 'My version.');
  await expect(unsavedMarker(page)).toBeVisible();

  const theirs = original.replace('title: More health', 'title: Their health');
  await writeFile(file, theirs);
  const banner = page.getByRole('region', { name: 'Changed on disk' });
  await expect(banner).toContainText('changed on disk while you were editing');

  // A name that is taken is refused: "elsewhere" creates, it never overwrites.
  const taken = path.join(folio.folder, 'news', 'claim-denials-climb.md');
  const takenBytes = await readFile(taken, 'utf8');
  await banner.getByRole('button', { name: 'Save mine elsewhere…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save your version as a new file' });
  const name = dialog.getByRole('textbox', { name: 'New file name (same folder)' });
  await expect(name).toHaveValue('portal-message-billing-mine.md');
  await name.fill('claim-denials-climb');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'already exists; nothing was written' })).toBeVisible();
  expect(await readFile(taken, 'utf8')).toBe(takenBytes);
  await expect(page.locator('.document-path')).toHaveText(rel);
  await expect(unsavedMarker(page)).toBeVisible();

  // The suggested name: my buffer, byte for byte, beside the untouched disk version.
  await banner.getByRole('button', { name: 'Save mine elsewhere…' }).click();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  const mine = path.join(folio.folder, 'news', 'portal-message-billing-mine.md');
  await expect(page.locator('.document-path')).toHaveText('news/portal-message-billing-mine.md');
  expect(await readFile(mine, 'utf8')).toBe(withBodySuffix(original, 'My version.'));
  expect(await readFile(file, 'utf8')).toBe(theirs);
  await expect(page.getByRole('status').filter({ hasText: 'Your version was saved as news/portal-message-billing-mine.md' })).toBeVisible();
  await expect(unsavedMarker(page)).toBeHidden();
});
