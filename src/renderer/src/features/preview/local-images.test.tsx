// @vitest-environment jsdom
import { act, createRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssetDto } from '../../../../shared/contract';
import { fail, ok, type Result } from '../../../../shared/lib/result';
import { createLocalImageLoader } from './local-image-loader';
import { Preview } from './preview';
import type { PreviewHandle } from './preview';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const JPEG = 'data:image/jpeg;base64,/9j/4A==';

/** A stand-in for main's `document:asset`: these files exist, everything else is not found. */
function fakeAssets(files: Record<string, string>) {
  return vi.fn((path: string): Promise<Result<AssetDto>> => Promise.resolve(path in files ? ok({ dataUrl: files[path] as string }) : fail('not-found', `${path} does not exist.`)));
}

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

async function mount(body: string, fetchAsset: ReturnType<typeof fakeAssets>, itemPath = 'news/item.md') {
  const loader = createLocalImageLoader(itemPath, fetchAsset);
  const props = { allowRemote: false, localImages: loader, onOpenExternal: vi.fn(), onOpenItem: vi.fn(), ref: createRef<PreviewHandle>() };
  await act(async () => {
    root.render(<Preview {...props} body={body} />);
    await new Promise((r) => setTimeout(r, 0));
  });
  return {
    loader,
    rerender: async (next: string) => {
      act(() => root.render(<Preview {...props} body={next} />));
      // The preview debounces re-renders while typing.
      await act(async () => {
        await new Promise((r) => setTimeout(r, 200));
      });
    },
  };
}

describe('local images in the preview', () => {
  it('shows Markdown and raw HTML images relative to the item, and /images from static/, as data URLs', async () => {
    const fetchAsset = fakeAssets({ 'news/images/x.png': PNG, 'news/y.jpg': JPEG, 'static/images/z.png': PNG });
    await mount('![x](images/x.png)\n\n<img src="./y.jpg" alt="y">\n\n![z](/images/z.png)', fetchAsset);
    const images = [...host.querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('src'))).toEqual([PNG, JPEG, PNG]);
    expect(images[1]?.getAttribute('alt')).toBe('y');
    // The item folder is tried first, static/ second, exactly like the form's image widget.
    expect(fetchAsset.mock.calls.map((c) => c[0])).toEqual(['news/images/x.png', 'news/y.jpg', 'static/images/z.png']);
  });

  it('shows a placeholder with the path for a missing image, and refuses sources outside the folder without asking main', async () => {
    const fetchAsset = fakeAssets({});
    await mount('![gone](images/gone.png)\n\n<img src="../../etc/passwd">\n\n![up](../../../x.png)', fetchAsset);
    expect(host.querySelector('img')).toBeNull();
    const notes = [...host.querySelectorAll('.missing-image')].map((n) => n.textContent);
    expect(notes).toEqual([
      'Missing image: images/gone.png (not found next to the item or under static/)',
      'Missing image: ../../etc/passwd (outside the folder)',
      'Missing image: ../../../x.png (outside the folder)',
    ]);
    expect(host.querySelector('.missing-image')?.getAttribute('role')).toBe('img');
    expect(fetchAsset.mock.calls.map((c) => c[0])).toEqual(['news/images/gone.png', 'static/images/gone.png']);
  });

  it('never loads file: or remote sources, and refuses a non-raster answer', async () => {
    const fetchAsset = vi.fn((): Promise<Result<AssetDto>> => Promise.resolve(ok({ dataUrl: 'data:image/svg+xml,<svg onload=alert(1)>' })));
    await mount('<img src="file:///etc/passwd"> ![r](https://canary.test/p.png) ![s](pic.png)', fetchAsset);
    for (const img of host.querySelectorAll('img')) expect(img.getAttribute('src') ?? '').not.toMatch(/^(file:|https:|data:image\/svg)/);
    expect(host.querySelector('.blocked-remote')).not.toBeNull();
    expect(host.querySelector('.missing-image')?.textContent).toBe('Missing image: pic.png (not a PNG, JPEG, GIF or WebP image)');
    // Only the relative image ever reached main.
    expect(fetchAsset.mock.calls.map((c: unknown[]) => c[0])).toEqual(['news/pic.png', 'static/pic.png']);
  });

  it('reads each image once per item and shows it again at once when the body re-renders', async () => {
    const fetchAsset = fakeAssets({ 'news/x.png': PNG });
    const { rerender } = await mount('![x](x.png)', fetchAsset);
    await rerender('# Title\n\n![x](x.png)');
    expect(host.querySelector('h1')).not.toBeNull();
    expect(host.querySelector('img')?.getAttribute('src')).toBe(PNG);
    expect(fetchAsset).toHaveBeenCalledTimes(1);
  });
});
