import { describe, expect, it } from 'vitest';
import { isEditorTempFile } from './is-editor-temp-file';

describe('isEditorTempFile', () => {
  it.each([
    '.item.md.swp',
    '.item.md.swo',
    '.item.md.swx',
    'item.md~',
    '.item.md.un~',
    '.#item.md',
    '#item.md#',
    'item.md.tmp',
    'item.md.TMP',
    '.subl1a2.tmp',
    '4913',
    '.item.md.kate-swp',
    'item.md___jb_tmp___',
    'item.md___jb_old___',
    'item.md.crswap',
    '~$item.md',
    '.goutputstream-ABC123',
    '~syncthing~item.md.tmp',
  ])('recognises %s', (name) => {
    expect(isEditorTempFile(name)).toBe(true);
  });

  it.each(['item.md', 'notes.markdown', 'swap.md', 'tmp.md', '4913.md', 'temporary notes.md', 'c#.md'])('leaves %s alone', (name) => {
    expect(isEditorTempFile(name)).toBe(false);
  });
});
