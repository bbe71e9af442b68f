import { describe, expect, it } from 'vitest';
import { editFrontMatter } from './edit-front-matter';
import { parseFrontMatterDocument } from './front-matter-document';
import { parseForIndex } from './parse-for-index';
import { lineDiff } from './test-fixtures/line-diff';

/** Small deterministic PRNG (mulberry32) so the corpus is the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = ['portal', 'member', 'reminder', 'clinic', 'survey', 'engagement', 'statement', 'desk', 'harbor', 'river'];

/** A seed-shaped document: block lists, quoted dates, folded blocks, nulls, nested maps, comments. */
function generate(i: number): { text: string; titleLine: string } {
  const r = rng(i + 1);
  const pick = (): string => words[Math.floor(r() * words.length)] as string;
  const eol = i % 5 === 0 ? '\r\n' : '\n';
  const title = `${pick()} ${pick()} ${i}`;
  const lines = [
    '---',
    ...(i % 3 === 0 ? ['# curated item'] : []),
    `aliases: /news/${pick()}-${i}`,
    'author:',
    `  - ${pick()} ${pick()}`,
    'categories:',
    `  - 'Survey: ${pick()}'`,
    ...(i % 4 === 0 ? [`tags: [${pick()}, ${pick()}]`] : ['tags:', `  - ${pick()}`]),
    `institution: ${i % 2 === 0 ? 'null' : '~'}`,
    `date: ${i % 2 === 0 ? `'2021-10-${String((i % 28) + 1).padStart(2, '0')}'` : `2021-10-${String((i % 28) + 1).padStart(2, '0')}`}`,
    `code: ${i % 7 === 0 ? '00123' : String(i)}`,
    `answer: ${i % 6 === 0 ? 'no' : 'yes'}`,
    'description: >-',
    `  ${Array.from({ length: 12 }, pick).join(' ')}`,
    `  ${Array.from({ length: 5 }, pick).join(' ')}.`,
    'featuredImage:',
    `  alt: ${pick()}`,
    '  size:',
    '    - 720',
    '    - 1280',
    `title: ${title}${i % 8 === 0 ? '  # shown in lists' : ''}`,
    'relatedOfferings:',
    ...Array.from({ length: (i % 3) + 1 }, (_, k) => [
      `  - label: ${pick()} ${k}`,
      '    categories:',
      `      - 'Survey: ${pick()}'`,
      `    offeringId: ${90000 + k}`,
    ]).flat(),
    '---',
    `<p>${pick()} body</p>`,
    '',
    '---',
    '',
    'after break',
  ];
  const text = (i % 10 === 0 ? '\uFEFF' : '') + lines.join(eol);
  return { text, titleLine: lines.find((l) => l.startsWith('title: ')) as string };
}

describe('generated corpus (200 seed-shaped documents)', () => {
  const corpus = Array.from({ length: 200 }, (_, i) => generate(i));

  it('parses all without errors and round-trips byte-identical', () => {
    for (const { text } of corpus) {
      const doc = parseFrontMatterDocument(text);
      expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(doc.toString()).toBe(text);
      expect(parseForIndex(text).data).not.toBeNull();
    }
  });

  it('a single title edit changes exactly the title line on every document', () => {
    corpus.forEach(({ text, titleLine }, i) => {
      const out = editFrontMatter(text, { kind: 'set', path: 'title', value: `Edited ${i}` });
      expect(out.ok).toBe(true);
      if (!out.ok) return;
      const eolSuffix = text.includes('\r\n') ? '\r' : '';
      const expected = titleLine.replace(/^title: [^#]*?(\s*#.*)?$/, `title: Edited ${i}$1`);
      expect(lineDiff(text, out.value)).toEqual({ removed: [titleLine + eolSuffix], added: [expected + eolSuffix] });
    });
  });

  it('list, date and nested edits stay minimal on every document', () => {
    corpus.forEach(({ text }, i) => {
      const date = editFrontMatter(text, { kind: 'set', path: 'date', value: '2022-02-02' });
      expect(date.ok && lineDiff(text, date.value).removed.length === 1 && lineDiff(text, date.value).added.length === 1).toBe(true);
      const size = editFrontMatter(text, { kind: 'set', path: 'featuredImage.size.1', value: 1080 + i });
      expect(size.ok && lineDiff(text, size.value).added[0]?.trimEnd()).toBe(`    - ${1080 + i}`);
      const item = editFrontMatter(text, { kind: 'insert-item', path: 'relatedOfferings', index: 0, value: { label: 'New', offeringId: i } });
      expect(item.ok && lineDiff(text, item.value).removed).toEqual([]);
      if (item.ok) expect(parseFrontMatterDocument(item.value).getValue('relatedOfferings.0')).toEqual({ label: 'New', offeringId: i });
    });
  });
});
