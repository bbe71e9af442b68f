import { describe, expect, it } from 'vitest';
import { editFrontMatter, editFrontMatterDocument, type EditOutcome, type FrontMatterEdit } from './edit-front-matter';
import { parseFrontMatterDocument } from './front-matter-document';
import { lineDiff } from './test-fixtures/line-diff';
import { sampleNewsItem } from './test-fixtures/sample-news-item';

function apply(text: string, edit: FrontMatterEdit | FrontMatterEdit[]): string {
  const out: EditOutcome = editFrontMatter(text, edit);
  if (!out.ok) throw new Error(`edit refused: ${out.diagnostic.code} ${out.diagnostic.message}`);
  return out.value;
}

const body = '\n<p>Body with --- and <b>html</b></p>\n\n---\n\nafter a thematic break\n';
const variant =
  [
    '---',
    '# a comment line',
    'title: Hello   # keep me',
    'code: 00123',
    'answer: no',
    'nothing: ~',
    'day: 2024-01-05',
    "quoted: 'x'",
    'dq: "y"',
    'tags: [a, b, c]',
    'obj: {k: v}',
    'folded: >-',
    '  one two three four five six seven eight nine ten eleven twelve thirteen',
    '  fourteen',
    'literal: |',
    '  line 1',
    '  line 2',
    'list:',
    '  - one',
    '  # between',
    '  - two',
    '  - three',
    'empty:',
    'last: end',
    '---',
  ].join('\n') + body;

describe('editFrontMatter: scalars keep their style', () => {
  it('changes only the title line of the seed-shaped item and leaves the body alone', () => {
    const out = apply(sampleNewsItem, { kind: 'set', path: 'title', value: 'A new title' });
    expect(lineDiff(sampleNewsItem, out)).toEqual({ removed: ['title: Reminders after the move online'], added: ['title: A new title'] });
    expect(out.endsWith(sampleNewsItem.slice(sampleNewsItem.lastIndexOf('\n---\n')))).toBe(true);
  });

  it.each<[string, FrontMatterEdit, string[], string[]]>([
    ['plain stays plain', { kind: 'set', path: 'title', value: 'Bye' }, ['title: Hello   # keep me'], ['title: Bye   # keep me']],
    [
      'plain gets quotes when it would read as a number',
      { kind: 'set', path: 'title', value: '00124' },
      ['title: Hello   # keep me'],
      ["title: '00124'   # keep me"],
    ],
    ['plain gets quotes for a colon', { kind: 'set', path: 'title', value: 'a: b' }, ['title: Hello   # keep me'], ["title: 'a: b'   # keep me"]],
    ['plain gets quotes for a YAML 1.1 boolean', { kind: 'set', path: 'title', value: 'yes' }, ['title: Hello   # keep me'], ["title: 'yes'   # keep me"]],
    ['a bare `no` field stays bare for another 1.1 word', { kind: 'set', path: 'answer', value: 'yes' }, ['answer: no'], ['answer: yes']],
    ['numbers stay numbers', { kind: 'set', path: 'code', value: 7 }, ['code: 00123'], ['code: 7']],
    ['a number field given a string becomes a quoted string', { kind: 'set', path: 'code', value: '00124' }, ['code: 00123'], ["code: '00124'"]],
    ['~ becomes a value', { kind: 'set', path: 'nothing', value: 'x' }, ['nothing: ~'], ['nothing: x']],
    ['bare dates stay bare', { kind: 'set', path: 'day', value: '2025-02-03' }, ['day: 2024-01-05'], ['day: 2025-02-03']],
    [
      'a plain string given a date is quoted',
      { kind: 'set', path: 'title', value: '2025-02-03' },
      ['title: Hello   # keep me'],
      ["title: '2025-02-03'   # keep me"],
    ],
    ['single quotes stay', { kind: 'set', path: 'quoted', value: "it's" }, ["quoted: 'x'"], ["quoted: 'it''s'"]],
    ['double quotes stay', { kind: 'set', path: 'dq', value: 'say "hi"' }, ['dq: "y"'], ['dq: "say \\"hi\\""']],
    ['flow items keep flow', { kind: 'set', path: 'tags.1', value: 'x, y' }, ['tags: [a, b, c]'], ["tags: [a, 'x, y', c]"]],
    ['flow map values', { kind: 'set', path: 'obj.k', value: 'w' }, ['obj: {k: v}'], ['obj: {k: w}']],
    ['empty value gets a space', { kind: 'set', path: 'empty', value: 'now' }, ['empty:'], ['empty: now']],
    ['block literal stays literal', { kind: 'set', path: 'literal', value: 'a\nb\nc\n' }, ['  line 1', '  line 2'], ['  a', '  b', '  c']],
  ])('%s', (_name, edit, removed, added) => {
    const out = apply(variant, edit);
    expect(lineDiff(variant, out)).toEqual({ removed, added });
    expect(out.endsWith(body)).toBe(true);
  });

  it('re-wraps a folded block at its original width, keeping indentation and header', () => {
    const value = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau';
    const out = apply(variant, { kind: 'set', path: 'folded', value });
    const diff = lineDiff(variant, out);
    expect(diff.removed).toEqual(['  one two three four five six seven eight nine ten eleven twelve thirteen', '  fourteen']);
    expect(diff.added.every((l) => l.startsWith('  ') && l.length <= 2 + 72)).toBe(true);
    expect(diff.added.length).toBe(2);
    expect(out).toContain('folded: >-\n');
    expect(parseFrontMatterDocument(out).getValue('folded')).toBe(value);
  });

  it('re-wraps the seed description at 80 columns like the original', () => {
    const value =
      'Sam Example explains, in a much longer sentence than before, why appointment reminders moved to text messages and how members reacted to the change over two years.';
    const out = apply(sampleNewsItem, { kind: 'set', path: 'description', value });
    const diff = lineDiff(sampleNewsItem, out);
    expect(diff.removed.length).toBe(3);
    expect(Math.max(...diff.added.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(Math.max(...diff.added.map((l) => l.length))).toBeGreaterThan(70);
    expect(parseFrontMatterDocument(out).getValue('description')).toBe(value);
  });

  it('is a no-op when the value is unchanged', () => {
    expect(apply(variant, { kind: 'set', path: 'day', value: '2024-01-05' })).toBe(variant);
    expect(apply(variant, { kind: 'set', path: 'nothing', value: null })).toBe(variant);
  });
});

describe('editFrontMatter: structure', () => {
  it('creates missing intermediate maps in block style', () => {
    const out = apply(variant, { kind: 'set', path: 'seo.social.0.title', value: 'T' });
    expect(lineDiff(variant, out)).toEqual({ removed: [], added: ['seo:', '  social:', '    - title: T'] });
  });

  it('turns a null into a map when a nested path is set', () => {
    const out = apply(sampleNewsItem, { kind: 'set', path: 'institution.name', value: 'Riverbend' });
    expect(lineDiff(sampleNewsItem, out)).toEqual({ removed: ['institution: null'], added: ['institution:', '  name: Riverbend'] });
  });

  it('adds a key after its last sibling in their indentation', () => {
    const out = apply(sampleNewsItem, { kind: 'add', path: 'featuredImage.credit', value: 'Photo: Sam' });
    const diff = lineDiff(sampleNewsItem, out);
    expect(diff).toEqual({ removed: [], added: ["  credit: 'Photo: Sam'"] });
    expect(out.indexOf("  credit: 'Photo: Sam'")).toBeGreaterThan(out.indexOf('    link: /api/v3/attachments/100/content'));
    expect(editFrontMatter(sampleNewsItem, { kind: 'add', path: 'title', value: 'x' }).ok).toBe(false);
  });

  it('deletes a key with its same-line comment but not its neighbours', () => {
    const out = apply(variant, { kind: 'delete', path: 'title' });
    expect(lineDiff(variant, out)).toEqual({ removed: ['title: Hello   # keep me'], added: [] });
    expect(out).toContain('# a comment line\ncode: 00123');
  });

  it('deletes a nested block with all its lines', () => {
    const out = apply(sampleNewsItem, { kind: 'delete', path: 'featuredImage.wpAttachment' });
    expect(lineDiff(sampleNewsItem, out).removed).toEqual(['  wpAttachment:', '    fileName: Featured_Image.jpg', '    link: /api/v3/attachments/100/content']);
  });

  it('inserts, removes and moves block list items keeping comments in place', () => {
    const inserted = apply(variant, { kind: 'insert-item', path: 'list', index: 1, value: 'one and a half' });
    expect(lineDiff(variant, inserted)).toEqual({ removed: [], added: ['  - one and a half'] });
    const appended = apply(variant, { kind: 'insert-item', path: 'list', index: 3, value: 'four' });
    expect(lineDiff(variant, appended)).toEqual({ removed: [], added: ['  - four'] });
    const removed = apply(variant, { kind: 'remove-item', path: 'list', index: 2 });
    expect(lineDiff(variant, removed)).toEqual({ removed: ['  - three'], added: [] });
    const moved = apply(variant, { kind: 'move-item', path: 'list', from: 0, to: 2 });
    expect(moved).toContain('list:\n  - two\n  # between\n  - three\n  - one\nempty:');
  });

  it('inserts, removes and moves flow list items keeping flow style', () => {
    expect(lineDiff(variant, apply(variant, { kind: 'insert-item', path: 'tags', index: 0, value: 'z' })).added).toEqual(['tags: [z, a, b, c]']);
    expect(lineDiff(variant, apply(variant, { kind: 'insert-item', path: 'tags', index: 3, value: 'z' })).added).toEqual(['tags: [a, b, c, z]']);
    expect(lineDiff(variant, apply(variant, { kind: 'remove-item', path: 'tags', index: 0 })).added).toEqual(['tags: [b, c]']);
    expect(lineDiff(variant, apply(variant, { kind: 'remove-item', path: 'tags', index: 2 })).added).toEqual(['tags: [a, b]']);
    expect(lineDiff(variant, apply(variant, { kind: 'move-item', path: 'tags', from: 2, to: 0 })).added).toEqual(['tags: [c, a, b]']);
  });

  it('new items in a single-quoted list are single-quoted too', () => {
    const out = apply(sampleNewsItem, { kind: 'insert-item', path: 'categories', index: 1, value: 'Survey: Reminders' });
    expect(lineDiff(sampleNewsItem, out)).toEqual({ removed: [], added: ["  - 'Survey: Reminders'"] });
  });

  it('replaces a list of objects with new data in block style at the same indentation', () => {
    const value = [{ label: 'Only one', permalink: '/offering/only', categories: ['A: B'], offeringId: 1 }];
    const out = apply(sampleNewsItem, { kind: 'replace', path: 'relatedOfferings', value });
    const diff = lineDiff(sampleNewsItem, out);
    expect(diff.added).toEqual(['  - label: Only one', '    permalink: /offering/only', '    categories:', "      - 'A: B'", '    offeringId: 1']);
    expect(diff.removed[0]).toBe('  - label: Reminder Scheduler');
    expect(parseFrontMatterDocument(out).getValue('relatedOfferings')).toEqual(value);
  });

  it('removes the last list item as [] rather than null', () => {
    const out = apply(sampleNewsItem, { kind: 'remove-item', path: 'tags', index: 0 });
    expect(lineDiff(sampleNewsItem, out)).toEqual({ removed: ['tags:', '  - News'], added: ['tags: []'] });
  });

  it('renames a key keeping its value bytes', () => {
    const out = apply(variant, { kind: 'rename', path: 'folded', newKey: 'summary' });
    expect(lineDiff(variant, out)).toEqual({ removed: ['folded: >-'], added: ['summary: >-'] });
    expect(editFrontMatter(variant, { kind: 'rename', path: 'folded', newKey: 'title' }).ok).toBe(false);
  });

  it('applies several edits in order', () => {
    const out = apply(variant, [
      { kind: 'set', path: 'title', value: 'T2' },
      { kind: 'delete', path: 'code' },
      { kind: 'set', path: 'list.0', value: 'uno' },
    ]);
    expect(lineDiff(variant, out).removed).toEqual([
      'title: Hello   # keep me',
      'code: 00123',
      'answer: no',
      'nothing: ~',
      'day: 2024-01-05',
      "quoted: 'x'",
      'dq: "y"',
      'tags: [a, b, c]',
      'obj: {k: v}',
      'folded: >-',
      '  one two three four five six seven eight nine ten eleven twelve thirteen',
      '  fourteen',
      'literal: |',
      '  line 1',
      '  line 2',
      'list:',
      '  - one',
    ]);
    expect(parseFrontMatterDocument(out).getValue('list')).toEqual(['uno', 'two', 'three']);
  });

  it('creates front matter in a file that has none', () => {
    expect(apply('# Body\n', { kind: 'set', path: 'title', value: 'New' })).toBe('---\ntitle: New\n---\n# Body\n');
    expect(apply('\uFEFF# Body\r\n', { kind: 'set', path: 'title', value: 'New' })).toBe('\uFEFF---\r\ntitle: New\r\n---\r\n# Body\r\n');
  });
});

describe('editFrontMatter: line endings, BOM, refusals', () => {
  const crlf = variant.replace(/\n/g, '\r\n');

  it('edits a CRLF file changing only the edited line, new lines in CRLF', () => {
    const out = apply(crlf, { kind: 'set', path: 'title', value: 'Bye' });
    expect(lineDiff(crlf, out)).toEqual({ removed: ['title: Hello   # keep me\r'], added: ['title: Bye   # keep me\r'] });
    const added = apply(crlf, { kind: 'set', path: 'a.b', value: ['x'] });
    expect(lineDiff(crlf, added).added).toEqual(['a:\r', '  b:\r', '    - x\r']);
    expect(added.replace(/\r\n/g, '')).not.toContain('\n');
    const folded = apply(crlf, { kind: 'set', path: 'folded', value: 'short' });
    expect(lineDiff(crlf, folded)).toEqual({
      removed: ['  one two three four five six seven eight nine ten eleven twelve thirteen\r', '  fourteen\r'],
      added: ['  short\r'],
    });
  });

  it('keeps the BOM and the other lines of a mixed-ending file', () => {
    const mixed = '\uFEFF---\r\na: 1\nb: 2\r\n---\nbody\r\n';
    const out = apply(mixed, { kind: 'set', path: 'b', value: 3 });
    expect(out).toBe('\uFEFF---\r\na: 1\nb: 3\r\n---\nbody\r\n');
  });

  it('refuses edits on read-only documents and on missing paths, leaving nothing changed', () => {
    const hostile = '---js\n({ x: 1 })\n---\nbody';
    const r = editFrontMatter(hostile, { kind: 'set', path: 'x', value: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostic.code).toBe('read-only');
    const dup = editFrontMatter('---\na: 1\na: 2\n---\n', { kind: 'set', path: 'b', value: 2 });
    expect(dup.ok).toBe(false);
    const missing = editFrontMatter(variant, { kind: 'delete', path: 'nope' });
    expect(missing.ok ? '' : missing.diagnostic.code).toBe('path-not-found');
    const badValue = editFrontMatter(variant, { kind: 'set', path: 'x', value: new Date() as unknown as string });
    expect(badValue.ok ? '' : badValue.diagnostic.code).toBe('invalid-edit');
  });

  it('no-op parse + serialize is byte-identical for every fixture', () => {
    for (const text of [sampleNewsItem, variant, crlf, `\uFEFF${variant}`]) expect(parseFrontMatterDocument(text).toString()).toBe(text);
  });
});

describe('editFrontMatterDocument: editing a model the caller holds', () => {
  it('writes the same bytes as editFrontMatter and returns the model of the new text', () => {
    const edits: FrontMatterEdit[] = [
      { kind: 'set', path: 'title', value: 'A new title' },
      { kind: 'set', path: 'seo.title', value: 'A new title' },
    ];
    const source = '---\ntitle: Old   # kept comment\nseo:\n  title: "Old"\n---\nBody\n';
    const expected = editFrontMatter(source, edits);
    const outcome = editFrontMatterDocument(parseFrontMatterDocument(source), edits);
    expect(outcome.ok && expected.ok && outcome.value === expected.value).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.model.text).toBe(outcome.value);
    expect(outcome.model.getValue('seo.title')).toBe('A new title');
    expect(outcome.model.fields.map((f) => f.path.join('.'))).toEqual(parseFrontMatterDocument(outcome.value).fields.map((f) => f.path.join('.')));
  });

  it('refuses on a read-only model like editFrontMatter, leaving nothing changed', () => {
    const source = '---\ntitle: [unclosed\n---\n';
    const outcome = editFrontMatterDocument(parseFrontMatterDocument(source), { kind: 'set', path: 'title', value: 'x' });
    expect(outcome.ok).toBe(false);
  });
});
