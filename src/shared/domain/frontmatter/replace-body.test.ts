import { describe, expect, it } from 'vitest';
import { parseFrontMatterDocument } from './front-matter-document';
import { replaceBody } from './replace-body';

describe('replaceBody (threats row 12)', () => {
  const malformed = [
    "---\ntitle: 'unclosed\ndate: 2024-01-05\n---\nOld body\n",
    '---\ntitle: a\n\tindented: with a tab\n---\nOld body\n',
    '---\ntitle: a\ntitle: b\n---\nOld body\n',
    '\uFEFF---\r\ntitle: ok\r\n---\r\nOld body\r\n',
  ];

  it.each(malformed)('keeps the front matter bytes of %j and changes only the body', (text) => {
    const next = replaceBody(text, 'New body\n');
    const head = text.slice(0, text.indexOf('Old body'));
    expect(next).toBe(`${head}New body\n`);
  });

  it('leaves files with broken YAML read-only for the form but editable as body', () => {
    const text = malformed[0]!;
    expect(parseFrontMatterDocument(text).editable).toBe(false);
    expect(replaceBody(text, 'x').startsWith("---\ntitle: 'unclosed\n")).toBe(true);
  });

  it('treats a file without front matter as all body', () => {
    expect(replaceBody('Just text\n', 'Other\n')).toBe('Other\n');
  });

  it('never drops bytes of an unclosed block: they all stay in front of the new body', () => {
    const text = '---\ntitle: a\nno closing fence\n';
    expect(replaceBody(text, 'x')).toBe(`${text}x`);
  });
});
