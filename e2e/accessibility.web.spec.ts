import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/web-host';
import { openItem } from './fixtures/ui';

test('the list and an open item have no serious accessibility violations', async ({ page, folio }) => {
  await page.goto(folio.url);
  await expect(page.locator('.list-status')).toHaveText(/^\d+ items$/);
  await openItem(page, 'news/regional-hie-adopts-fhir-subscriptions.md');
  await expect(page.locator('.monaco-text-editor').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // Monaco's own widgets are excluded: Folio does not control their markup.
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
