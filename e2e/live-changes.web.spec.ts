import { rename, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures/web-host';
import { waitForItemCount } from './fixtures/ui';

test('an external add, change and delete appear live', async ({ page, folio }) => {
  await page.goto(folio.url);
  const status = page.locator('.list-status');
  const before = await waitForItemCount(page);

  // Another editor adds an item with an atomic save (temp file, then rename).
  const tmp = path.join(folio.folder, 'news', '.new-item.md.swp');
  await writeFile(tmp, "---\ntitle: Added by another editor\ndate: '2024-03-01'\n---\nHello\n");
  await rename(tmp, path.join(folio.folder, 'news', 'added-elsewhere.md'));
  await expect(status).toHaveText(`${before + 1} items`);
  const row = page.locator('.item-row', { hasText: 'Added by another editor' });
  await expect(row).toBeVisible();

  // The open document follows the disk while it is clean (Monaco's visible lines).
  const body = page.locator('.monaco-text-editor[data-region="body"] .view-lines');
  await row.click();
  await expect(body).toContainText('Hello');
  const file = path.join(folio.folder, 'news', 'added-elsewhere.md');
  await writeFile(file, (await readFile(file, 'utf8')).replace('Hello', 'Hello again'));
  await expect(body).toContainText('Hello again');

  // Deleted on disk: the text stays, marked, and nothing is recreated.
  await unlink(file);
  await expect(page.getByText('This file was deleted or renamed on disk')).toBeVisible();
  await expect(body).toContainText('Hello again');
  await expect(status).toHaveText(`${before} items`);
});
