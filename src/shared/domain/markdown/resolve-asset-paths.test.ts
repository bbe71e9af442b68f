import { describe, expect, it } from 'vitest';
import { resolveAssetPaths } from './resolve-asset-paths';

describe('resolveAssetPaths', () => {
  it('resolves relative references against the item folder first, then static/', () => {
    expect(resolveAssetPaths('news/a.md', 'images/x.png')).toEqual(['news/images/x.png', 'static/images/x.png']);
    expect(resolveAssetPaths('news/a.md', './x.jpg')).toEqual(['news/x.jpg', 'static/x.jpg']);
    // Query and fragment are not part of the file name; `static/../images` is the same file, listed once.
    expect(resolveAssetPaths('news/a.md', '../images/x.png?v=2#top')).toEqual(['images/x.png']);
  });

  it('resolves site-absolute references against static/ (Hugo), then the folder root', () => {
    expect(resolveAssetPaths('news/a.md', '/images/x.png')).toEqual(['static/images/x.png', 'images/x.png']);
  });

  it('drops references that leave the folder or carry a scheme', () => {
    expect(resolveAssetPaths('news/a.md', '../../etc/passwd')).toEqual([]);
    // Never above the root: every candidate is a path inside the folder.
    expect(resolveAssetPaths('a.md', '../../x.png')).toEqual([]);
    expect(resolveAssetPaths('news/a.md', 'file:///etc/passwd')).toEqual([]);
    expect(resolveAssetPaths('news/a.md', 'https://example.com/x.png')).toEqual([]);
    expect(resolveAssetPaths('news/a.md', '')).toEqual([]);
  });
});
