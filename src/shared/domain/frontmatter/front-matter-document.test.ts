import { describe, expect, it } from 'vitest';
import { parseFrontMatterDocument } from './front-matter-document';
import { sampleNewsItem } from './test-fixtures/sample-news-item';

const variant = [
  '---',
  '# leading comment',
  'title: Hello # trailing comment',
  'code: 00123',
  'answer: no',
  'nothing: ~',
  'day: 2024-01-05',
  'stamp: 2021-10-15T12:28:42-04:00',
  "quoted: '2021-10-16'",
  'count: 42',
  'ratio: 1.5',
  'flag: true',
  'tags: [a, b, "c d"]',
  'folded: >-',
  '  one two',
  '  three',
  'literal: |',
  '  line 1',
  '  line 2',
  'nested:',
  '  deeper:',
  '    - x: 1',
  '---',
  'body',
].join('\n');

describe('parseFrontMatterDocument', () => {
  it('reads the seed shape with types as written and no Date objects', () => {
    const doc = parseFrontMatterDocument(sampleNewsItem);
    expect(doc.editable).toBe(true);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.getValue('date')).toBe('2021-10-16');
    expect(doc.getField('date')).toMatchObject({ type: 'date', style: 'single-quoted', source: "'2021-10-16'" });
    expect(doc.getField('lastMod')?.type).toBe('datetime');
    expect(doc.getField('description')).toMatchObject({ type: 'string', style: 'block-folded' });
    expect(doc.getField('description')?.source.startsWith('>-\n  Dana')).toBe(true);
    expect(doc.getField('institution')).toMatchObject({ type: 'null', source: 'null' });
    expect(doc.getField('relatedOfferings')).toMatchObject({ type: 'seq', style: 'block' });
    expect(doc.getValue('relatedOfferings.4.offeringId')).toBe(90005);
    expect(doc.getValue('htmlMetaData.msvalidate\\.01')).toBe('ABCDEF0123456789ABCDEF0123456789');
    expect(doc.getValue(['htmlMetaData', 'msvalidate.01'])).toBe('ABCDEF0123456789ABCDEF0123456789');
    expect(doc.getValue('featuredImage.size')).toEqual([720, 1280]);
    expect(doc.toString()).toBe(sampleNewsItem);
    expect(doc.tokens.length).toBeGreaterThan(0);
    const all = JSON.stringify(doc.getValue([]));
    expect(all).toContain('"date":"2021-10-16"');
  });

  it('types values as written under YAML 1.2 core', () => {
    const doc = parseFrontMatterDocument(variant);
    expect(doc.editable).toBe(true);
    const field = (p: string) => doc.getField(p);
    expect(field('code')).toMatchObject({ type: 'number', source: '00123' });
    expect(doc.getValue('code')).toBe(123);
    // YAML 1.2 core: `no` is a string (YAML 1.1 would say false).
    expect(field('answer')).toMatchObject({ type: 'string', source: 'no' });
    expect(field('nothing')).toMatchObject({ type: 'null', source: '~' });
    expect(field('day')).toMatchObject({ type: 'date', style: 'plain', source: '2024-01-05' });
    expect(doc.getValue('day')).toBe('2024-01-05');
    expect(field('stamp')).toMatchObject({ type: 'datetime', style: 'plain' });
    expect(field('quoted')).toMatchObject({ type: 'date', style: 'single-quoted' });
    expect(field('ratio')?.type).toBe('number');
    expect(field('flag')?.type).toBe('boolean');
    expect(field('tags')).toMatchObject({ type: 'seq', style: 'flow', source: '[a, b, "c d"]' });
    expect(field('tags.2')).toMatchObject({ style: 'double-quoted', type: 'string' });
    expect(field('literal')?.style).toBe('block-literal');
    expect(field('nested.deeper.0.x')?.type).toBe('number');
    expect(doc.getValue('title')).toBe('Hello');
    expect(doc.toString()).toBe(variant);
  });

  it('never builds Date or Buffer objects, even for explicit tags', () => {
    const doc = parseFrontMatterDocument('---\nt: !!timestamp 2001-12-14\nb: !!binary aGVsbG8=\n---\n');
    expect(doc.getValue('t')).toBe('2001-12-14');
    expect(doc.getValue('b')).toBe('aGVsbG8=');
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['unknown-tag', 'unknown-tag']);
    expect(doc.editable).toBe(true);
  });

  it.each([
    ['tab indentation', '---\na:\n\tb: 1\n---\n', 'tab-indentation', 3],
    ['unclosed quote', '---\na: "abc\nb: 2\n---\n', 'yaml-syntax', 2],
    ['duplicate key', '---\na: 1\nb: 2\na: 3\n---\n', 'duplicate-key', 4],
    ['not a mapping', '---\n- a\n- b\n---\n', 'not-a-mapping', 2],
  ])('%s is an error diagnostic with file line/column and makes the model read-only', (_n, text, code, line) => {
    const doc = parseFrontMatterDocument(text);
    const d = doc.diagnostics.find((x) => x.code === code);
    expect(d).toBeDefined();
    expect(d?.line).toBe(line);
    expect(d?.column).toBeGreaterThanOrEqual(1);
    expect(doc.editable).toBe(false);
  });

  it('handles a file without front matter as body only, editable', () => {
    const doc = parseFrontMatterDocument('# Just a body\n');
    expect(doc.split.hasFrontMatter).toBe(false);
    expect(doc.editable).toBe(true);
    expect(doc.fields).toEqual([]);
  });

  it('refuses __proto__ pollution in getValue', () => {
    const doc = parseFrontMatterDocument('---\n__proto__:\n  polluted: yes\n---\n');
    const value = doc.getValue([]) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(value, '__proto__')).toBe(true);
  });
});
