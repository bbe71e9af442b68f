import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { diffLines } from 'diff';
import { expect, test } from './fixtures/web-host';

const drifted = 'news/sepsis-model-external-validation.md';

async function openProblems(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.list-status')).toHaveText(/\d+ items/);
  await page.keyboard.press('Control+Shift+M');
  await expect(page.getByRole('region', { name: 'Problems' })).toBeVisible();
}

const row = (page: Page, file: string, code: string) => page.locator(`.problem-row[data-file="${file}"][data-code="${code}"]`);

/** 0-based line numbers of the original text that a diff removes or changes. */
function changedLines(before: string, after: string): number[] {
  const out: number[] = [];
  let line = 0;
  for (const part of diffLines(before, after)) {
    if (part.removed) for (let i = 0; i < part.count; i += 1) out.push(line + i);
    if (!part.added) line += part.count;
  }
  return out;
}

test('the sample folder’s planted problems all show in the Problems panel', async ({ page, folio }) => {
  await openProblems(page, folio.url);
  await expect(row(page, 'news/price-transparency-enforcement.md', 'impossible-date').first()).toBeVisible();
  await expect(page.locator('.problem-row[data-code="duplicate-slug"]')).toHaveCount(2);
  await expect(row(page, drifted, 'mirror-drift')).toBeVisible();
  await expect(row(page, 'news/lab-results-release-timing.md', 'yaml-syntax')).toBeVisible();
  await expect(row(page, 'news/proxy-access-for-teen-patients.md', 'missing-required')).toContainText('"title"');
  await expect(row(page, 'news/identity-matching-pilot.md', 'dangling-relation')).toBeVisible();
  // Each row says where: file, line:column and field.
  await expect(row(page, drifted, 'mirror-drift')).toContainText('85:3');
  await expect(row(page, drifted, 'mirror-drift')).toContainText('openGraphMetaData.ogdescription');

  // Filters narrow the list.
  await page.getByLabel('Filter by severity').selectOption('warning');
  await expect(page.locator('.problem-row[data-code="duplicate-slug"]')).toHaveCount(0);
  await expect(row(page, drifted, 'mirror-drift')).toBeVisible();
  await page.getByLabel('Filter by code').selectOption('mirror-drift');
  await expect(page.locator('.problem-row')).toHaveCount(1);
});

test('a drifted mirror shows in the form, the list and the panel, and its quick fix clears it', async ({ page, folio }) => {
  const file = path.join(folio.folder, ...drifted.split('/'));
  const before = await readFile(file, 'utf8');
  await openProblems(page, folio.url);

  // The list badge comes from validation (a mirror drift is no parser problem).
  await expect(page.locator(`.item-row[data-path="${drifted}"] .badge-warning`)).toBeVisible();

  // A click opens the item and shows the problem under the field in the form.
  const problem = row(page, drifted, 'mirror-drift');
  await problem.locator('.problem-open').click();
  await expect(page.locator('.document-path')).toHaveText(drifted);
  const formTab = page.getByRole('tab', { name: 'Form' });
  if (await formTab.count()) await formTab.click();
  const fieldRow = page.locator('[data-row-path="openGraphMetaData.ogdescription"]');
  await expect(fieldRow.locator('.ff-problem')).toContainText('should copy "description"');

  const warnings = page.locator('.problems-summary');
  const warningCount = async () => Number(/(\d+) warnings/.exec((await warnings.textContent()) ?? '')?.[1]);
  const beforeWarnings = await warningCount();
  await problem.locator('.problem-fix').click();
  await expect(problem).toHaveCount(0);
  await expect.poll(warningCount).toBe(beforeWarnings - 1);
  await expect(fieldRow.locator('.ff-problem')).toHaveCount(0);
  await expect(page.locator(`.item-row[data-path="${drifted}"] .badge-warning`)).toHaveCount(0);

  // On disk only the mirror's lines changed, now copying the description.
  const after = await readFile(file, 'utf8');
  const lines = before.split('\n');
  // The second `ogdescription` (line 85): the one under openGraphMetaData.
  const start = lines.findIndex((l, i) => i > 60 && l.startsWith('  ogdescription: >-'));
  expect(start).toBeGreaterThan(0);
  const changed = changedLines(before, after);
  expect(changed.length).toBeGreaterThan(0);
  for (const n of changed) expect(n >= start && n <= start + 3, `line ${n + 1} changed`).toBe(true);
  expect(after).toContain('fewer cases than its developer reported');
});

test('an external edit that plants an impossible date shows up live', async ({ page, folio }) => {
  await openProblems(page, folio.url);
  const target = 'news/identity-matching-pilot.md';
  await expect(row(page, target, 'dangling-relation')).toBeVisible();
  await expect(row(page, target, 'impossible-date')).toHaveCount(0);
  const file = path.join(folio.folder, ...target.split('/'));
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/^date: .*$/m, "date: '2023-04-31'"));
  await expect(row(page, target, 'impossible-date')).toContainText('2023-04-31');
  await expect(page.locator(`.item-row[data-path="${target}"] .badge-error`)).toBeVisible();
});

test('Generate schema: the curator edits the inferred schema, saves it, and its rules apply', async ({ page, folio }) => {
  await openProblems(page, folio.url);
  await page.getByRole('button', { name: 'Generate schema…' }).click();
  const editor = page.getByRole('textbox', { name: 'Schema JSON' });
  await expect(editor).toHaveValue(/"x-folio-version": 1/);

  // Broken JSON is named and cannot be saved.
  const inferred = await editor.inputValue();
  await editor.fill(`${inferred.trimEnd()},`);
  await expect(page.locator('#schema-check')).toContainText('not valid JSON');
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();

  // A rule the curator adds: every item of the first content type needs a reviewer.
  const schema = JSON.parse(inferred) as { types: Record<string, { schema: { required?: string[] } }> };
  const [, type] = Object.entries(schema.types)[0]!;
  type.schema.required = [...(type.schema.required ?? []), 'reviewer'];
  const edited = `${JSON.stringify(schema, null, 2)}\n`;
  await editor.fill(edited);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved to .folio/schema.json.' })).toBeVisible();
  expect(await readFile(path.join(folio.folder, '.folio', 'schema.json'), 'utf8')).toBe(edited);
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  await page.getByLabel('Filter by code').selectOption('missing-required');
  await expect(page.locator('.problem-row[data-code="missing-required"]', { hasText: '"reviewer"' }).first()).toBeVisible();
});

test('an item added on disk while the app is open is checked live, including a YAML syntax error', async ({ page, folio }) => {
  await openProblems(page, folio.url);
  const added = 'news/added-while-open.md';
  await writeFile(path.join(folio.folder, 'news', 'added-while-open.md'), '---\ntitle: "Unclosed\ndate: 2024-01-05\n---\nBody\n');
  await expect(page.locator(`.item-row[data-path="${added}"]`)).toBeVisible();
  await expect(page.locator(`.problem-row[data-file="${added}"]`).first()).toBeVisible();
  await expect(page.locator(`.item-row[data-path="${added}"] .badge-error`)).toBeVisible();
});
