import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { splitFrontMatter } from '../src/shared/domain/frontmatter';
import { copySample, expect, startHost, test } from './fixtures/web-host';
import { editor, openItem, waitForDisk } from './fixtures/ui';

/*
 * Never lose an edit (issue 6, threats rows 19, 24, 25): a kill with unsaved edits, an external
 * change while dirty, and a save against a stale hash. Everything is driven through the UI; the
 * disk is only touched the way another editor would touch it.
 */



async function typeAtBodyEnd(page: Page, text: string): Promise<void> {
  await editor(page, 'body').locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Replaces `^key: ` in the raw YAML editor with `replacement` (Monaco find selects the match). */
async function retypeKeyPrefix(page: Page, key: string, replacement: string): Promise<void> {
  await page.getByRole('tab', { name: 'Raw YAML' }).click();
  const raw = editor(page, 'front-matter');
  // Only the first lines are rendered (Monaco virtualises); find reaches the key wherever it is.
  await expect(raw.locator('.view-lines')).toContainText(': ');
  await raw.locator('.view-lines').click();
  await page.keyboard.press('Control+f');
  const find = raw.locator('.find-widget textarea, .find-widget input').first();
  await find.fill('');
  if ((await raw.locator('.find-widget .codicon-regex[aria-checked="true"]').count()) === 0) await page.keyboard.press('Alt+r');
  await page.keyboard.type(`^${key}: `);
  await expect(raw.locator('.find-widget .matchesCount')).toContainText('1 of 1');
  await page.keyboard.press('Escape');
  await page.keyboard.type(replacement);
}


const unsaved = (page: Page) => page.getByText('● unsaved');

test('edits left unsaved by a killed host are offered back exactly', async ({ browser }) => {
  const rel = 'news/claim-denials-climb.md';
  const folder = await copySample();
  const file = path.join(folder, rel);
  const before = await readFile(file, 'utf8');
  const first = await startHost(folder);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(first.url);
    await openItem(page, rel);
    await expect(editor(page, 'body').locator('.view-lines')).toContainText('Denials tied to missing prior authorizations');
    await typeAtBodyEnd(page, 'Typed just before the crash.');
    await page.keyboard.insertText(' Ünïcødé ✓');
    await expect(unsaved(page)).toBeVisible();

    // The draft reaches the data folder within a few seconds of typing; wait for it, then kill.
    const drafts = path.join(first.dataDir, 'drafts');
    await expect
      .poll(
        async () => {
          for (const sub of await readdir(drafts).catch(() => [])) {
            for (const name of await readdir(path.join(drafts, sub))) if ((await readFile(path.join(drafts, sub, name), 'utf8')).includes('Ünïcødé ✓')) return true;
          }
          return false;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    await page.close();
    expect(await readFile(file, 'utf8')).toBe(before);

    // Same folder, same data folder: the app starting again.
    const second = await startHost(folder, { dataDir: first.dataDir });
    try {
      const again = await context.newPage();
      await again.goto(second.url);
      const dialog = again.getByRole('dialog', { name: 'Restore unsaved edits' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('list', { name: 'Unsaved edits' })).toContainText(rel);
      await expect(dialog.locator('time')).toHaveCount(1);
      await dialog.getByRole('button', { name: `Restore ${rel}` }).click();
      await expect(dialog).toBeHidden();
      await expect(again.locator('.document-path')).toHaveText(rel);
      await expect(unsaved(again)).toBeVisible();
      await expect(editor(again, 'body').locator('.view-lines')).toContainText('Typed just before the crash. Ünïcødé ✓');

      await again.getByRole('button', { name: 'Save', exact: true }).click();
      const was = splitFrontMatter(before);
      const saved = await waitForDisk(file, (t) => t !== before);
      // Byte for byte what was typed: the front matter untouched, the body with the edit.
      expect(saved).toBe(`${before.slice(0, was.bodyOffset)}${was.body}Typed just before the crash. Ünïcødé ✓`);
      await expect(unsaved(again)).toBeHidden();

      // A saved edit leaves no draft behind to be offered again.
      const fresh = await context.newPage();
      await fresh.goto(second.url);
      await expect(fresh.locator('.list-status')).toHaveText(/\d+ items/);
      await fresh.waitForTimeout(500);
      await expect(fresh.getByRole('dialog', { name: 'Restore unsaved edits' })).toHaveCount(0);
    } finally {
      second.child.kill('SIGTERM');
    }
  } finally {
    await context.close();
    if (first.child.exitCode === null) first.child.kill('SIGKILL');
    await rm(folder, { recursive: true, force: true });
    await rm(first.dataDir, { recursive: true, force: true });
  }
});

test('an external change while dirty merges field by field, and overlapping fields are chosen', async ({ page, folio }) => {
  const rel = 'news/identity-matching-pilot.md';
  const file = path.join(folio.folder, rel);
  const original = await readFile(file, 'utf8');
  await page.goto(folio.url);
  await openItem(page, rel);

  // Mine: the title, in the buffer. Theirs: another field, on disk.
  await retypeKeyPrefix(page, 'title', 'title: Mine - ');
  await expect(unsaved(page)).toBeVisible();
  const external = original.replace('layOut: single', 'layOut: wide');
  await writeFile(file, external);
  const banner = page.getByRole('region', { name: 'Changed on disk' });
  await expect(banner).toContainText('changed on disk while you were editing');
  await banner.getByRole('button', { name: 'Merge…' }).click();

  const merge = page.getByRole('dialog', { name: `Merge ${rel}` });
  const auto = merge.getByRole('region', { name: 'Merged automatically' });
  await expect(auto).toContainText('title: yours');
  await expect(auto).toContainText('layOut: from disk');
  await expect(merge.getByText('Everything is settled.')).toBeVisible();
  await merge.getByRole('button', { name: 'Apply and save' }).click();
  await expect(merge).toBeHidden();
  const merged = await waitForDisk(file, (t) => t !== external);
  // Both changes, and every other byte as it was on disk.
  expect(merged).toBe(external.replace(/^title: Statewide/m, 'title: Mine - Statewide'));
  await expect(unsaved(page)).toBeHidden();
  await expect(banner).toBeHidden();

  // Now both sides change the title: a per-field choice.
  await retypeKeyPrefix(page, 'title', 'title: Again - ');
  await expect(unsaved(page)).toBeVisible();
  const theirs = merged.replace(/^title: Mine - Statewide/m, 'title: Disk - Statewide').replace("date: '2023-06-13'", "date: '2023-06-14'");
  await writeFile(file, theirs);
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Merge…' }).click();
  await expect(merge).toBeVisible();
  const field = merge.getByRole('group', { name: 'Field title' });
  await expect(field).toContainText('Again - Mine - Statewide');
  await expect(field).toContainText('Disk - Statewide');
  await expect(field).toContainText('Mine - Statewide');
  await expect(merge.getByText('1 choice left')).toBeVisible();
  await expect(merge.getByRole('button', { name: 'Apply and save' })).toBeDisabled();
  await field.getByRole('radio', { name: 'Edit…' }).check();
  await field.getByRole('textbox', { name: 'Value (YAML)' }).fill('Chosen by hand');
  await field.getByRole('radio', { name: 'Mine' }).check();
  await merge.getByRole('button', { name: 'Apply and save' }).click();
  await expect(merge).toBeHidden();
  const chosen = await waitForDisk(file, (t) => t !== theirs);
  expect(chosen).toBe(theirs.replace(/^title: Disk - Statewide/m, 'title: Again - Mine - Statewide'));
});

test('a save against a stale hash is refused as a conflict even with the same size and mtime', async ({ page, folio }) => {
  const rel = 'news/portal-message-billing.md';
  const file = path.join(folio.folder, rel);
  const original = await readFile(file, 'utf8');
  const { atime, mtime } = await stat(file);
  await page.goto(folio.url);
  await openItem(page, rel);
  await typeAtBodyEnd(page, 'My paragraph.');
  await expect(unsaved(page)).toBeVisible();

  // Another editor changes one letter: same size, and the old mtime put back.
  const external = original.replace('title: More health', 'title: More Health');
  expect(Buffer.byteLength(external)).toBe(Buffer.byteLength(original));
  await writeFile(file, external);
  await utimes(file, atime, mtime);
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const banner = page.getByRole('region', { name: 'Changed on disk' });
  await expect(banner).toContainText('your edits were not saved over it');
  expect(await readFile(file, 'utf8')).toBe(external);
  await expect(unsaved(page)).toBeVisible();

  // "Keep mine" asks first, then writes over the disk version it has now seen.
  await banner.getByRole('button', { name: 'Keep mine (overwrite disk)' }).click();
  const confirm = page.getByRole('dialog', { name: 'Overwrite the disk version?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(await readFile(file, 'utf8')).toBe(external);
  await banner.getByRole('button', { name: 'Keep mine (overwrite disk)' }).click();
  await confirm.getByRole('button', { name: 'Overwrite' }).click();
  const saved = await waitForDisk(file, (t) => t !== external);
  expect(saved).toBe(`${original}My paragraph.`);
  await expect(banner).toBeHidden();
});

test('opening another item with unsaved edits asks to save, discard or cancel', async ({ page, folio }) => {
  const rel = 'news/claim-denials-climb.md';
  const file = path.join(folio.folder, rel);
  const original = await readFile(file, 'utf8');
  await page.goto(folio.url);
  await openItem(page, rel);
  await typeAtBodyEnd(page, 'Keep me.');
  await expect(unsaved(page)).toBeVisible();

  await openItem(page, 'news/portal-message-billing.md').catch(() => undefined);
  const ask = page.getByRole('dialog', { name: `Save changes to ${rel}?` });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(page.locator('.document-path')).toHaveText(rel);
  await expect(unsaved(page)).toBeVisible();

  await openItem(page, 'news/portal-message-billing.md').catch(() => undefined);
  await ask.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.document-path')).toHaveText('news/portal-message-billing.md');
  expect(await readFile(file, 'utf8')).toBe(`${original}Keep me.`);
});
