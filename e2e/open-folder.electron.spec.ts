import { _electron as electron, expect, test } from '@playwright/test';
import path from 'node:path';
import { invokeChannelNames } from '../src/shared/contract/channels';
import { installedElectronBinary } from './fixtures/electron-binary';

const binary = installedElectronBinary();
const repoRoot = path.resolve(import.meta.dirname, '..');

test.describe('Electron shell', () => {
  test.skip(binary === null, 'No Electron binary on this machine (it cannot be downloaded here); the same journeys run in Chromium through the web host.');

  test('opens the sample folder in a locked-down window', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [repoRoot, path.join(repoRoot, 'resources', 'sample-content')] });
    const page = await app.firstWindow();
    await expect(page.locator('.item-row').first()).toBeVisible();
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      api: Object.keys(window.api).sort(),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', api: [...invokeChannelNames, 'on'].sort() });
    // A second window is never allowed: window.open is denied by the shell.
    const opened = await page.evaluate(() => window.open('https://example.com/') !== null);
    expect(opened).toBe(false);
    expect(app.windows()).toHaveLength(1);
    await page.locator('.item-row').first().click();
    // Monaco must start under the real window's CSP: the body shows in its view lines.
    await expect(page.locator('.monaco-text-editor[data-region="body"] .view-line').first()).toBeVisible();
    await app.close();
  });
});
