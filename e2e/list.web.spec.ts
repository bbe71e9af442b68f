import { expect, test } from './fixtures/web-host';
import { waitForItemCount } from './fixtures/ui';

/** The titles of the rows currently rendered, top to bottom. */
async function visibleTitles(page: import('@playwright/test').Page): Promise<string[]> {
  return page.locator('.item-row .title-cell').allTextContents();
}

test('filters by a facet, searches with highlights, sorts and quick-opens', async ({ page, folio }) => {
  await page.goto(folio.url);
  const status = page.locator('.list-status');
  const total = await waitForItemCount(page);

  // Facet: the sample folder has offerings; the `archetype` facet narrows to them.
  const offering = page.locator('.facet', { has: page.locator('legend', { hasText: 'Archetype' }) }).locator('label', { hasText: 'offering' });
  const offeringCount = Number(await offering.locator('.facet-count').textContent());
  expect(offeringCount).toBeGreaterThan(0);
  await offering.locator('input').check();
  await expect(status).toHaveText(`${offeringCount} of ${total} items`);
  await offering.locator('input').uncheck();
  await expect(status).toHaveText(`${total} items`);

  // Full-text search reaches the body and highlights title matches.
  await page.getByLabel('Search items').fill('telehealth');
  await expect(status).toHaveText(/^\d+ of \d+ items$/);
  await expect(page.locator('.item-row .title-cell mark').first()).toHaveText(/telehealth/i);
  await page.getByLabel('Search items').fill('');
  await expect(status).toHaveText(`${total} items`);

  // Sort by date, descending: dates compare as dates.
  const dateHeader = page.getByRole('columnheader', { name: /Date/ });
  await dateHeader.getByRole('button', { name: /Date/ }).click();
  await dateHeader.getByRole('button', { name: /Date/ }).click();
  await expect(dateHeader).toHaveAttribute('aria-sort', 'descending');
  const cells = await page.locator('.item-row').evaluateAll((rows) => rows.map((r) => r.children[1]?.textContent ?? ''));
  // Real dates come newest first; an impossible one (the sample's 2023-02-30) is not a date.
  const dates = cells.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d));
  expect(dates.length).toBeGreaterThan(5);
  expect([...dates].sort().reverse()).toEqual(dates);
  expect(cells).toContain('2023-02-30');

  // Quick open by a fuzzy fragment of a title.
  await page.keyboard.press('Control+p');
  const input = page.getByLabel('Item title or path');
  await input.fill('rnsmwr tbltp');
  await expect(page.locator('.palette-results li').first()).toContainText(/ransomware/i);
  await input.press('Enter');
  await expect(page.locator('.document-path')).toContainText(/ransomware/i);
  await expect(page.locator('.monaco-text-editor[data-region="body"] .view-line').first()).toBeVisible();
  await expect(page.locator('.item-row.open')).toContainText(/ransomware/i);

  // Keyboard: Alt+Down moves to the next item in list order.
  const before = await page.locator('.item-row.open').getAttribute('data-path');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.locator('.item-row.open')).not.toHaveAttribute('data-path', before!);
  expect((await visibleTitles(page)).length).toBeGreaterThan(0);
});

test('columns can be added by front matter path and are remembered for the folder', async ({ page, folio }) => {
  await page.goto(folio.url);
  await expect(page.locator('.item-row').first()).toBeVisible();
  await page.getByLabel('Add a column by front matter path').fill('link.brand');
  await page.getByLabel('Add a column by front matter path').press('Enter');
  await expect(page.getByRole('columnheader', { name: /Brand/ })).toBeVisible();
  await expect(page.locator('.item-row .item-cell[title*="."]').first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('columnheader', { name: /Brand/ })).toBeVisible();
});

test('shift and ctrl clicks build a multi-selection', async ({ page, folio }) => {
  await page.goto(folio.url);
  const rows = page.locator('.item-row');
  await expect(rows.nth(4)).toBeVisible();
  await rows.nth(0).click();
  await rows.nth(3).click({ modifiers: ['Shift'] });
  await expect(page.locator('.item-row.selected')).toHaveCount(4);
  await rows.nth(1).click({ modifiers: ['Control'] });
  await expect(page.locator('.item-row.selected')).toHaveCount(3);
  await expect(page.locator('.list-status')).toContainText('3 selected');
});
