import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures/web-host';
import { openItem, waitForItemCount } from './fixtures/ui';

const item = 'news/regional-hie-adopts-fhir-subscriptions.md';
// A real 1x1 PNG: the preview must decode it, not just carry a src.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('the preview shows local images through main, marks missing and escaping ones, and never fetches them itself', async ({ page, folio }) => {
  await mkdir(path.join(folio.folder, 'news', 'images'), { recursive: true });
  await writeFile(path.join(folio.folder, 'news', 'images', 'pixel.png'), PNG);
  await mkdir(path.join(folio.folder, 'static', 'images'), { recursive: true });
  await writeFile(path.join(folio.folder, 'static', 'images', 'site.png'), PNG);
  await appendFile(
    path.join(folio.folder, ...item.split('/')),
    [
      '',
      '![pixel](images/pixel.png)',
      '',
      '<img src="./images/pixel.png" alt="raw html">',
      '',
      '![site](/images/site.png)',
      '',
      '![gone](images/gone.png)',
      '',
      '<img src="../../etc/passwd" alt="escape">',
      '',
      '<img src="file:///etc/passwd" alt="file">',
      '',
      '![remote](https://canary.test/remote.png)',
      '',
    ].join('\n'),
  );

  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(folio.url);
  await waitForItemCount(page);
  await openItem(page, item);

  const preview = page.locator('.preview-content');
  const loaded = preview.locator('img[src^="data:image/png;base64,"]');
  await expect(loaded).toHaveCount(3);
  await expect(preview.locator('img[alt="raw html"]')).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(preview.locator('img[alt="site"]')).toHaveAttribute('src', /^data:image\/png;base64,/);
  // Decoded by the browser, so a real image is on screen.
  expect(await loaded.evaluateAll((images) => images.map((img) => (img as HTMLImageElement).naturalWidth))).toEqual([1, 1, 1]);

  await expect(preview.locator('.missing-image', { hasText: 'Missing image: images/gone.png' })).toBeVisible();
  await expect(preview.locator('.missing-image', { hasText: 'Missing image: ../../etc/passwd (outside the folder)' })).toBeVisible();
  await expect(preview.locator('.blocked-remote')).toHaveText('Remote image blocked: remote');
  // The file: image keeps no source at all; no image in the preview has anything but a data URL.
  expect(await preview.locator('img').evaluateAll((images) => images.map((img) => img.getAttribute('src')).filter((src) => src !== null && !src.startsWith('data:image/png')))).toEqual([]);
  // Nothing was fetched by URL: not the relative paths from the host, not file:, not the remote server.
  expect(requests.filter((url) => /pixel\.png|site\.png|gone\.png|passwd|canary\.test/.test(url))).toEqual([]);

  // Typing in the body keeps the images (from the cache, no flicker to a placeholder).
  const body = page.locator('.monaco-text-editor[data-region="body"]');
  await body.locator('.view-line').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Intro line\n\n');
  await expect(preview.locator('p', { hasText: 'Intro line' })).toBeVisible();
  await expect(loaded).toHaveCount(3);
});
