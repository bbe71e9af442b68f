import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { copySample, expect, startHost, test } from './fixtures/web-host';
import { openItem } from './fixtures/ui';

/*
 * Threats rows 8 and 15 in the app: JavaScript front matter is never evaluated and opens as
 * read-only raw text; a binary `.md` is listed, marked, and never opened for editing.
 */
test('JavaScript front matter opens read-only and never runs; a binary file is listed read-only', async ({ page }) => {
  const folder = await copySample();
  const marker = path.join(os.tmpdir(), `folio-pwned-${process.pid}-${Date.now()}`);
  const payload = `---js\n({ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') || 'Pwned' })\n---\nBody of a hostile item\n`;
  await writeFile(path.join(folder, 'news', 'hostile-js.md'), payload);
  await writeFile(path.join(folder, 'news', 'binary-blob.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]));
  const { url, child } = await startHost(folder);
  try {
    await page.goto(url);
    await expect(page.locator('.list-status')).toHaveText(/^\d+ items$/);

    await openItem(page, 'news/hostile-js.md');
    await expect(page.getByText('Front matter in a language Folio does not run: read-only.')).toBeVisible();
    await expect(page.getByLabel('Raw text')).toHaveText(payload);
    expect(existsSync(marker)).toBe(false);

    await openItem(page, 'news/binary-blob.md');
    await expect(page.getByText('Binary file: shown for reference, never edited.')).toBeVisible();
    await expect(page.locator('.monaco-text-editor')).toHaveCount(0);
    // The list marks it too, so a curator sees it without opening it (32 rows: all rendered).
    await expect(page.locator('.item-row[data-path="news/binary-blob.md"] .badge', { hasText: 'read-only' })).toBeVisible();
    expect(existsSync(marker)).toBe(false);
  } finally {
    child.kill('SIGTERM');
  }
});
