import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editFrontMatter, parseFrontMatterDocument } from '../src/shared/domain/frontmatter';
import { generateCorpusItem } from './generate-corpus';

/*
 * Folio's promise on real-shaped content: opening and saving without an edit is byte-identical,
 * and a one-field edit changes exactly that value's lines. Checked on every file of the bundled
 * sample folder and on 1,000 generated seed-shaped items.
 */

const sampleDir = path.resolve(import.meta.dirname, '..', 'resources', 'sample-content');

async function sampleFiles(): Promise<{ rel: string; text: string }[]> {
  const entries = await readdir(sampleDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.md'));
  return Promise.all(files.map(async (e) => ({ rel: path.relative(sampleDir, path.join(e.parentPath, e.name)), text: await readFile(path.join(e.parentPath, e.name), 'utf8') })));
}

/**
 * The edit must leave everything outside the lines of the edited value byte-identical: the text
 * before the value's first line and after its last line are checked as exact prefix and suffix.
 */
function checkOneFieldEdit(text: string, fieldPath: string, value: string): void {
  const field = parseFrontMatterDocument(text).getField(fieldPath)!;
  const lineStart = text.lastIndexOf('\n', field.offset - 1) + 1;
  const lineEnd = text.indexOf('\n', field.endOffset);
  const outcome = editFrontMatter(text, { kind: 'set', path: fieldPath, value });
  if (!outcome.ok) throw new Error(outcome.diagnostic.message);
  expect(parseFrontMatterDocument(outcome.value).getValue(fieldPath)).toBe(value);
  expect(outcome.value).not.toBe(text);
  expect(outcome.value.startsWith(text.slice(0, lineStart))).toBe(true);
  expect(outcome.value.endsWith(text.slice(lineEnd))).toBe(true);
}

describe('round trip on the sample folder', () => {
  it('parses and re-serialises every file byte for byte', async () => {
    const files = await sampleFiles();
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const { rel, text } of files) expect(parseFrontMatterDocument(text).toString(), rel).toBe(text);
  });

  it('changes only the title line when the title is edited, in every editable file', async () => {
    let edited = 0;
    for (const { text } of await sampleFiles()) {
      const doc = parseFrontMatterDocument(text);
      if (!doc.editable || doc.getValue('title') === undefined) continue;
      checkOneFieldEdit(text, 'title', 'A curator’s new headline');
      edited++;
    }
    expect(edited).toBeGreaterThanOrEqual(25);
  });

  it('keeps CRLF endings when editing the CRLF file', async () => {
    const crlf = (await sampleFiles()).find((f) => f.text.includes('\r\n'));
    expect(crlf).toBeDefined();
    const outcome = editFrontMatter(crlf!.text, { kind: 'set', path: 'status', value: 'published' });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.value.split('\r\n').length).toBe(crlf!.text.split('\r\n').length);
      expect(outcome.value.replace(/\r\n/g, '')).not.toMatch(/\n/);
    }
  });
});

describe('round trip on 1,000 generated seed-shaped items', () => {
  const items = Array.from({ length: 1000 }, (_, i) => generateCorpusItem(i).text);

  it('is byte-identical without an edit', () => {
    for (const text of items) expect(parseFrontMatterDocument(text).toString()).toBe(text);
  });

  it('changes exactly the edited value for a nested key, a quoted date and a folded description', () => {
    for (const text of items.slice(0, 300)) {
      checkOneFieldEdit(text, 'link.brand', 'news.example.org');
      checkOneFieldEdit(text, 'date', '2024-02-29');
      checkOneFieldEdit(text, 'description', 'A shorter description written by a curator, long enough to need wrapping at the original width of the folded block scalar.');
    }
  });
});
