import { describe, expect, it } from 'vitest';
import { isSkippedFolderName, isWatchedContentPath } from './is-watched-content-path';

describe('isWatchedContentPath', () => {
  it.each(['item.md', 'news/2024/item.markdown', 'A Folder/Ünïcode.MD', 'drafts.md/inner.md'])('watches %s', (relPath) => {
    expect(isWatchedContentPath(relPath)).toBe(true);
  });

  it.each([
    ['a non-content file', 'notes.txt'],
    ['a file in .git', '.git/x.md'],
    ['a file in node_modules', 'docs/node_modules/pkg/readme.md'],
    ['a file in a dot-folder', 'site/.obsidian/w.md'],
    ['a dotfile', '.hidden.md'],
    ["Folio's own temp file", 'news/.item.md.folio-tmp-0123456789ab'],
    ["another editor's temp file", 'news/~$item.md'],
    ['an empty path', ''],
    ['a folder path', 'news/'],
    ['a path climbing out', '../outside.md'],
  ])('ignores %s', (_label, relPath) => {
    expect(isWatchedContentPath(relPath)).toBe(false);
  });
});

describe('isSkippedFolderName', () => {
  it('skips dot-folders and node_modules only', () => {
    expect(['.git', '.folio', 'node_modules'].map(isSkippedFolderName)).toEqual([true, true, true]);
    expect(['news', 'node_modules2', 'a.b'].map(isSkippedFolderName)).toEqual([false, false, false]);
  });
});
