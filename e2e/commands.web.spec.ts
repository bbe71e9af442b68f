import { expect, test } from './fixtures/web-host';
import { openItem, waitForItemCount } from './fixtures/ui';

const item = 'news/regional-hie-adopts-fhir-subscriptions.md';

test('the command palette filters, runs commands that change the view, and gives the focus back', async ({ page, folio }) => {
  await page.goto(folio.url);
  await waitForItemCount(page);
  await openItem(page, item);
  const formTab = page.getByRole('tab', { name: 'Form' });
  if ((await formTab.getAttribute('aria-selected')) !== 'true') await formTab.click();
  const form = page.getByRole('form', { name: 'Front matter' });
  const title = form.locator('[data-field-path="title"]');
  await expect(title).toBeVisible();

  // Opened from the keyboard while a form field has the focus; Escape closes and puts it back.
  await title.focus();
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const input = palette.getByRole('combobox', { name: 'Command' });
  await expect(input).toBeFocused();
  await input.fill('save');
  // Nothing is unsaved: Save is listed, disabled, with the reason.
  const save = palette.locator('[role="option"][data-command="document.save"]');
  await expect(save).toHaveAttribute('aria-disabled', 'true');
  await expect(save).toContainText('There are no unsaved edits.');
  await expect(save).toContainText('Ctrl+S');
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await expect(title).toBeFocused();

  // Filter fuzzily and run with Enter: the front matter switches to raw YAML.
  await page.keyboard.press('Control+Shift+P');
  await input.fill('raw yml');
  await expect(palette.getByRole('option').first()).toHaveAttribute('data-command', 'document.showRawYaml');
  await expect(input).toHaveAttribute('aria-activedescendant', (await palette.getByRole('option').first().getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Raw YAML' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.monaco-text-editor[data-region="front-matter"]')).toBeVisible();

  // Arrow keys pick a command; "Open the next item" opens the row after this one in list order.
  const order = await page.locator('.item-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path')));
  const next = order[order.indexOf(item) + 1];
  expect(next).toBeTruthy();
  await page.keyboard.press('Control+Shift+P');
  await input.fill('item');
  const options = palette.getByRole('option');
  const ids = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-command')));
  const steps = ids.indexOf('list.nextItem');
  expect(steps).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  await expect(options.nth(steps)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.locator('.document-path')).toHaveText(next!);

  // Back to the form through the palette; the tab stays remembered as the form.
  await page.keyboard.press('Control+Shift+P');
  await input.fill('show the form');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
});
