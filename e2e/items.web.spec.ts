import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures/web-host';

/** A seed-shaped Hugo archetype with Go template placeholders Folio fills as text (never runs). */
const ARCHETYPE = [
  '---',
  'title: "{{ replace .Name "-" " " | title }}"',
  'slug: "{{ .Name }}"',
  'archetype: curated-content',
  'id: 0',
  "date: '2021-10-16'",
  "status: ''",
  "description: ''",
  'openGraphMetaData:',
  "  ogtitle: ''",
  "  ogdescription: ''",
  'twitterMetaData:',
  "  twittertitle: ''",
  '---',
  'Curated by {{ .Site.Params.curator }}.',
  '',
].join('\n');

/** The largest top-level numeric `id:` in the folder's Markdown files. */
async function largestId(folder: string): Promise<number> {
  const files = (await readdir(folder, { recursive: true })).filter((f) => f.endsWith('.md'));
  let max = 0;
  for (const file of files) {
    const match = /^id: (\d+)$/m.exec(await readFile(path.join(folder, file), 'utf8'));
    if (match?.[1] !== undefined) max = Math.max(max, Number(match[1]));
  }
  return max;
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

test('creates an item from an archetype, renames it, deletes it and undoes the delete', async ({ page, folio }) => {
  await mkdir(path.join(folio.folder, 'archetypes'), { recursive: true });
  await writeFile(path.join(folio.folder, 'archetypes', 'curated-content.md'), ARCHETYPE);
  const disk = (rel: string) => readFile(path.join(folio.folder, rel), 'utf8');

  const idBefore = await largestId(folio.folder);

  await page.goto(folio.url);
  await expect(page.locator('.list-status')).toHaveText(/^\d+ items$/);

  // New item from the archetype, in news/.
  await page.getByRole('button', { name: 'New item' }).click();
  const dialog = page.getByRole('dialog', { name: 'New item' });
  await dialog.getByLabel('Title').fill('Folio e2e: Café opens today');
  await dialog.getByLabel('Folder').fill('news');
  await expect(dialog.getByLabel('Start from')).toHaveValue('archetype:archetypes/curated-content.md');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  const created = 'news/folio-e2e-cafe-opens-today.md';
  await expect(page.locator('.item-row.open')).toHaveAttribute('data-path', created);
  const text = await disk(created);
  expect(text).toContain('title: "Folio e2e: Café opens today"\n');
  expect(text).toContain('slug: "folio-e2e-cafe-opens-today"\n');
  // Ids are numeric across the folder: the next one follows the largest; dates are quoted date-only strings.
  expect(text).toContain(`id: ${idBefore + 1}\n`);
  expect(text).toContain(`date: '${localToday()}'\n`);
  expect(text).toContain("  ogtitle: 'Folio e2e: Café opens today'\n");
  expect(text).toContain('Curated by {{ .Site.Params.curator }}.');

  // It is in the list with its date.
  await page.getByLabel('Search items').fill('Folio e2e');
  const row = page.locator(`.item-row[data-path="${created}"]`);
  await expect(row).toContainText('Folio e2e: Café opens today');
  await expect(row).toContainText(localToday());

  // Rename with F2: the slug followed the file name, so it follows the new one.
  await row.click();
  await page.keyboard.press('F2');
  const rename = page.getByRole('dialog', { name: 'Rename item' });
  await rename.getByLabel('New path').fill('news/folio-e2e-renamed.md');
  await rename.getByRole('button', { name: 'Rename' }).click();
  const renamed = 'news/folio-e2e-renamed.md';
  await expect(page.locator('.item-row.open')).toHaveAttribute('data-path', renamed);
  await expect(disk(created)).rejects.toThrow();
  const renamedText = await disk(renamed);
  expect(renamedText).toBe(text.replace('slug: "folio-e2e-cafe-opens-today"', 'slug: "folio-e2e-renamed"'));

  // Delete (confirmed), then Undo brings back the same bytes.
  await page.getByRole('toolbar', { name: 'Item actions' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog', { name: 'Delete item' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator(`.item-row[data-path="${renamed}"]`)).toHaveCount(0);
  await expect(disk(renamed)).rejects.toThrow();
  const toast = page.locator('.items-toast');
  await expect(toast).toContainText(`Deleted ${renamed}.`);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.item-row.open')).toHaveAttribute('data-path', renamed);
  expect(await disk(renamed)).toBe(renamedText);
});

test('bulk-sets status on three items with a diff preview, changing only that line', async ({ page, folio }) => {
  const targets = ['news/ambient-scribe-pilot-results.md', 'news/claim-denials-climb.md', 'news/cloud-ehr-migration-costs.md'];
  const disk = (rel: string) => readFile(path.join(folio.folder, rel), 'utf8');
  const before = await Promise.all(targets.map(disk));

  await page.goto(folio.url);
  await page.getByLabel('Search items').fill('');
  const rowOf = (p: string) => page.locator(`.item-row[data-path="${p}"]`);
  await rowOf(targets[0]!).click();
  await rowOf(targets[1]!).click({ modifiers: ['Control'] });
  await rowOf(targets[2]!).click({ modifiers: ['Control'] });
  await expect(page.locator('.item-row.selected')).toHaveCount(3);

  await page.getByRole('button', { name: /^Bulk edit/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Bulk edit' });
  await dialog.getByLabel('Key path').fill('status');
  await dialog.getByLabel('Value (YAML)').fill('review');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const files = dialog.locator('.bulk-file-change');
  await expect(files).toHaveCount(3);
  for (const target of targets) {
    const diff = dialog.locator(`.bulk-file[data-path="${target}"] .bulk-diff`);
    await expect(diff).toContainText("-status: 'published'");
    await expect(diff).toContainText("+status: 'review'");
  }
  // Nothing is written by a preview.
  expect(await Promise.all(targets.map(disk))).toEqual(before);

  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.locator('.bulk-summary')).toContainText('3 changed, 0 unchanged, 0 failed');

  const after = await Promise.all(targets.map(disk));
  after.forEach((text, i) => {
    const old = (before[i] ?? '').split('\n');
    const now = text.split('\n');
    expect(now.length).toBe(old.length);
    const changed = now.flatMap((line, n) => (line === old[n] ? [] : [{ was: old[n], now: line }]));
    expect(changed).toEqual([{ was: "status: 'published'", now: "status: 'review'" }]);
  });
});
