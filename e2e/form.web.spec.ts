import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { diffLines } from 'diff';
import { parseFrontMatterDocument } from '../src/shared/domain/frontmatter';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures/web-host';
import { openItem, waitForDisk } from './fixtures/ui';

const item = 'news/regional-hie-adopts-fhir-subscriptions.md';

/** 0-based line numbers of the original text that a diff removes or changes. */
function removedLineNumbers(before: string, after: string): number[] {
  const out: number[] = [];
  let line = 0;
  for (const part of diffLines(before, after)) {
    const count = part.count;
    if (part.removed) for (let i = 0; i < count; i += 1) out.push(line + i);
    if (!part.added) line += count;
  }
  return out;
}

test('editing every widget changes only the edited values (and their mirrors) on disk', async ({ page, folio }) => {
  const file = path.join(folio.folder, ...item.split('/'));
  const before = await readFile(file, 'utf8');
  await page.goto(folio.url);
  await expect(page.locator('.list-status')).toHaveText(/\d+ items/);
  await openItem(page, item);
  const formTab = page.getByRole('tab', { name: 'Form' });
  if (await formTab.count()) await formTab.click();
  const form = page.getByRole('form', { name: 'Front matter' });
  await expect(form).toBeVisible();
  const at = (p: string) => form.locator(`[data-field-path="${p}"]`);

  // Text and folded long text: their mirrors (inferred from the folder) follow.
  await at('title').fill('Regional exchange moves admit alerts to FHIR subscriptions');
  await at('description').fill('The exchange now pushes admission alerts through FHIR subscriptions.');
  await expect(at('openGraphMetaData.ogdescription')).toHaveValue('The exchange now pushes admission alerts through FHIR subscriptions.');
  // Date: the picker writes back a quoted date-only string.
  await at('date').fill('2023-03-07');
  // Enum select.
  await at('sub').selectOption('brief');
  // Tags: add one, remove one.
  const tags = form.locator('[data-row-path="tags"]');
  const tagInput = tags.locator('input.ff-tag-input');
  await tagInput.fill('Alerts');
  await tagInput.press('Enter');
  await tags.getByRole('button', { name: 'Remove News from tags' }).click();
  // Nested object.
  await at('link.brand').selectOption('wire.example.com');
  // List of objects: add a card, name it, move it to the top with the keyboard.
  const cards = form.locator('[data-row-path="relatedOfferings"]');
  await cards.getByRole('button', { name: 'Add relatedOfferings item' }).click();
  await at('relatedOfferings.1.label').fill('Sentinel Backup');
  const newCard = cards.locator('[data-card-index="1"]');
  await newCard.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(at('relatedOfferings.0.label')).toHaveValue('Sentinel Backup');

  await page.keyboard.press('Control+s');
  const after = await waitForDisk(file, before);

  const was = parseFrontMatterDocument(before);
  const now = parseFrontMatterDocument(after);
  expect(now.editable).toBe(true);
  expect(now.getValue('title')).toBe('Regional exchange moves admit alerts to FHIR subscriptions');
  expect(after).toContain("date: '2023-03-07'\n");
  expect(now.getValue('sub')).toBe('brief');
  expect(now.getValue('tags')).toEqual(['Interoperability', 'Alerts']);
  expect(now.getValue('link.brand')).toBe('wire.example.com');
  expect(now.getValue('relatedOfferings.0.label')).toBe('Sentinel Backup');
  expect(now.getValue('relatedOfferings.1.label')).toBe('FHIR Relay Exchange');
  expect(now.getValue('twitterMetaData.twitterdescription')).toBe(now.getValue('description'));
  expect(after.slice(now.split.bodyOffset)).toBe(before.slice(was.split.bodyOffset));

  // Every removed or changed line of the original lies inside an edited value or its mirror.
  const edited = ['title', 'description', 'date', 'sub', 'tags', 'link.brand', 'relatedOfferings'];
  const mirrors = [
    'featuredImage.alt',
    'htmlMetaData.ogtitle',
    'openGraphMetaData.ogtitle',
    'twitterMetaData.twittertitle',
    'htmlMetaData.description',
    'htmlMetaData.ogdescription',
    'openGraphMetaData.ogdescription',
    'twitterMetaData.twitterdescription',
  ];
  const lineOf = (offset: number) => before.slice(0, offset).split('\n').length - 1;
  const allowed = new Set<number>();
  for (const p of [...edited, ...mirrors]) {
    const f = was.getField(p);
    if (f === undefined) continue;
    for (let l = lineOf(f.offset); l <= lineOf(f.endOffset); l += 1) allowed.add(l);
  }
  const lines = before.split('\n');
  const outside = removedLineNumbers(before, after).filter((l) => !allowed.has(l));
  expect(outside.map((l) => lines[l])).toEqual([]);
});

test('a far field focused from the keyboard or the Problems panel ends up in view', async ({ page, folio }) => {
  await page.goto(folio.url);
  await expect(page.locator('.list-status')).toHaveText(/\d+ items/);
  await openItem(page, 'briefs/cyber-insurance-premiums.md');
  const formTab = page.getByRole('tab', { name: 'Form' });
  if (await formTab.count()) await formTab.click();
  const form = page.getByRole('form', { name: 'Front matter' });
  const title = form.locator('[data-field-path="title"]');
  await expect(title).toBeAttached();
  // Rows off screen are laid out at an estimated height until shown (content-visibility): the
  // height they had when last shown, which the git panel docking (a narrower form) makes stale.
  // A scroll to a far field lands where the estimates put it; the form corrects it.
  await page.getByLabel('Git status').getByRole('button').first().click();
  await expect(page.getByRole('complementary', { name: 'Git' })).toBeVisible();
  const panel = page.locator('#fm-panel');
  const inPanel = async (field: Locator): Promise<boolean> => {
    const [box, view] = [await field.boundingBox(), await panel.boundingBox()];
    return box !== null && view !== null && box.y >= view.y && box.y + box.height <= view.y + view.height;
  };
  // The rows around a focused field take their real heights over the next frames: judged after them.
  const settled = () =>
    page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          let frames = 0;
          const next = (): void => {
            frames += 1;
            if (frames < 30) requestAnimationFrame(next);
            else resolve();
          };
          requestAnimationFrame(next);
        }),
    );
  await title.focus();
  await expect(title).toBeFocused();
  await settled();
  expect(await inPanel(title)).toBe(true);
  const last = form.locator('[data-field-path]').last();
  await last.focus();
  await settled();
  expect(await inPanel(last)).toBe(true);
});
