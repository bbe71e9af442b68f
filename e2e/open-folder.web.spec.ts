import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { invokeChannelNames } from '../src/shared/contract/channels';
import { splitFrontMatter } from '../src/shared/domain/frontmatter';
import { expect, test } from './fixtures/web-host';

async function countItems(folder: string): Promise<number> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.md') && !path.relative(folder, e.parentPath).split(path.sep).some((s) => s.startsWith('.'))).length;
}

test('opens the folder, lists its items and shows one in the editors', async ({ page, folio, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(folio.url);
  const expected = await countItems(folio.folder);
  expect(expected).toBeGreaterThan(20);
  await expect(page.locator('.list-status')).toHaveText(`${expected} items`);
  await expect(page.locator('.workspace-name')).toHaveText(path.basename(folio.folder));

  const first = page.locator('.item-row').first();
  const relPath = await first.getAttribute('data-path');
  expect(relPath).toBeTruthy();
  await first.click();
  await expect(first).toHaveAttribute('aria-current', 'true');
  // The editors hold the file's text as on disk, not a re-serialisation: the body in Monaco,
  // the front matter in the raw YAML tab. Monaco renders only visible lines, so the whole model
  // is read through its own copy command.
  const disk = await readFile(path.join(folio.folder, relPath!), 'utf8');
  const split = splitFrontMatter(disk);
  const editorText = async (region: 'body' | 'front-matter') => {
    await page.locator(`.monaco-text-editor[data-region="${region}"] .view-lines`).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    return page.evaluate(() => navigator.clipboard.readText());
  };
  await expect(page.locator('.monaco-text-editor[data-region="body"] .view-line').first()).toBeVisible();
  expect(await editorText('body')).toBe(split.body);
  await page.getByRole('tab', { name: 'Raw YAML' }).click();
  expect(await editorText('front-matter')).toBe(split.frontMatter);
  expect(split.bom + split.openFence + split.frontMatter + split.closeFence + split.body).toBe(disk);
});

test('the page has no Node and window.api is exactly the contract', async ({ page, folio }) => {
  await page.goto(folio.url);
  await expect(page.locator('.item-row').first()).toBeVisible();
  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    api: Object.keys(window.api).sort(),
  }));
  expect(globals.require).toBe('undefined');
  expect(globals.process).toBe('undefined');
  expect(globals.api).toEqual([...invokeChannelNames, 'on'].sort());
});
