import { describe, expect, it } from 'vitest';
import { parseFrontMatterDocument } from '../frontmatter';
import { applyBulkEdit, fileNameForSlug, fillTemplate, nextId, slugFromFileName, slugify, todayInFormat } from './index';

describe('slugify', () => {
  it.each([
    ['Importance and future of patient portal support', 'importance-and-future-of-patient-portal-support'],
    ['Café Noël à Zürich', 'cafe-noel-a-zurich'],
    ['Straße & Smørrebrød: Œuvre', 'strasse-and-smorrebrod-oeuvre'],
    ["Don't stop — it's 2024!", 'dont-stop-its-2024'],
    ['   ---   ', 'untitled'],
    ['日本語', 'untitled'],
  ])('%s → %s', (title, slug) => expect(slugify(title)).toBe(slug));

  it('caps long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toMatch(/^(word-)*word$/);
  });
});

describe('nextId', () => {
  it('is one more than the largest numeric id', () => expect(nextId([9101, 9120, '9105', undefined, null])).toBe(9121));
  it('is null when ids are not numeric or absent', () => {
    expect(nextId(['abc', 3])).toBeNull();
    expect(nextId([])).toBeNull();
    expect(nextId([undefined])).toBeNull();
    expect(nextId([1.5])).toBeNull();
  });
});

describe('todayInFormat', () => {
  const now = new Date(2024, 0, 5, 9, 7, 3, 45);
  const localDate = '2024-01-05';
  it('keeps a date-only format', () => expect(todayInFormat('2021-10-16', now)).toBe(localDate));
  it('keeps a UTC date-time with its fraction width', () => {
    expect(todayInFormat('2021-10-16T18:06:41.792141Z', now)).toBe(`${now.toISOString().slice(0, 23)}000Z`);
    expect(todayInFormat('2021-10-16T18:06:41Z', now)).toBe(`${now.toISOString().slice(0, 19)}Z`);
  });
  it('keeps a date-time with offset, in local time', () => {
    const offset = -now.getTimezoneOffset();
    const sign = offset < 0 ? '-' : '+';
    const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const mm = String(Math.abs(offset) % 60).padStart(2, '0');
    expect(todayInFormat('2021-10-15T12:28:42-04:00', now)).toBe(`${localDate}T09:07:03${sign}${hh}:${mm}`);
    expect(todayInFormat(null, now)).toBe(`${localDate}T09:07:03${sign}${hh}:${mm}`);
  });
  it('keeps a space-separated date-time without seconds or zone', () => expect(todayInFormat('2021-10-15 12:28', now)).toBe(`${localDate} 09:07`));
});

describe('file names', () => {
  it('numbers collisions and reads slugs back from names', () => {
    expect(fileNameForSlug('news', 'a-b', 1)).toBe('news/a-b.md');
    expect(fileNameForSlug('', 'a-b', 3)).toBe('a-b-3.md');
    expect(slugFromFileName('news/a-b.md')).toBe('a-b');
    expect(slugFromFileName('posts/my-post/index.md')).toBe('my-post');
  });
});

const HUGO_ARCHETYPE = ['---', 'title: "{{ replace .Name "-" " " | title }}"', 'date: {{ .Date }}', 'draft: true', '---', '', 'Written by {{ .Site.Params.author }}.', ''].join('\n');

describe('fillTemplate', () => {
  const values = { title: 'Say "hi" to Zürich', slug: 'say-hi-to-zurich', date: '2024-01-05T09:07:03+01:00', id: 42 };

  it("fills Hugo's default archetype and keeps unknown template code literal", () => {
    const { text, warnings } = fillTemplate(HUGO_ARCHETYPE, values);
    expect(warnings).toEqual([]);
    const doc = parseFrontMatterDocument(text);
    expect(doc.getValue('title')).toBe(values.title);
    expect(doc.getValue('date')).toBe(values.date);
    expect(doc.getValue('draft')).toBe(true);
    expect(text).toContain('Written by {{ .Site.Params.author }}.');
    // No id key in the template: none is added.
    expect(doc.getValue('id')).toBeUndefined();
  });

  it('never executes template code: exec-like text stays exactly as written', () => {
    const template = ['---', "title: ''", "note: '{{ exec \"rm -rf /\" }}'", '---', '{{ exec "rm -rf /" }} {{ .Name }}', '{{- os.ReadFile "/etc/passwd" -}}', ''].join('\n');
    const { text } = fillTemplate(template, values);
    expect(parseFrontMatterDocument(text).getValue('note')).toBe('{{ exec "rm -rf /" }}');
    expect(text).toContain('{{ exec "rm -rf /" }} say-hi-to-zurich\n{{- os.ReadFile "/etc/passwd" -}}\n');
  });

  it('sets slug, date and id where the template has them, and fills title mirrors format-preserving', () => {
    const template = [
      '---',
      "title: ''",
      'slug: ""',
      "date: '2021-10-16'",
      'id: 0',
      'description: Short.',
      'openGraphMetaData:',
      '  ogtitle: ""',
      '  ogdescription: ""',
      'twitterMetaData:',
      "  twittertitle: ''",
      '---',
      'Body',
    ].join('\n');
    const { text } = fillTemplate(template, { ...values, date: '2024-01-05' });
    const doc = parseFrontMatterDocument(text);
    expect(doc.getValue('slug')).toBe('say-hi-to-zurich');
    expect(doc.getValue('id')).toBe(42);
    expect(doc.getValue('openGraphMetaData.ogtitle')).toBe(values.title);
    expect(doc.getValue('twitterMetaData.twittertitle')).toBe(values.title);
    expect(doc.getValue('openGraphMetaData.ogdescription')).toBe('Short.');
    // Quoting styles are the template's own.
    expect(text).toContain("date: '2024-01-05'\n");
    expect(text.endsWith('---\nBody')).toBe(true);
  });

  it('duplicates an item without touching placeholders-like text in its content', () => {
    const item = ['---', 'title: Old', 'slug: old', 'id: 7', "date: '2020-01-01'", '---', 'Docs mention {{ .Name }} literally.', ''].join('\n');
    const { text } = fillTemplate(item, { ...values, date: '2024-01-05' }, { placeholders: false });
    expect(text).toContain('Docs mention {{ .Name }} literally.');
    expect(parseFrontMatterDocument(text).getValue('slug')).toBe('say-hi-to-zurich');
  });

  it('creates the file even when the template front matter is not YAML it can edit', () => {
    const { text, warnings } = fillTemplate('---\ntitle: [{{ .Name }}\n---\n', values);
    expect(text).toBe('---\ntitle: [say-hi-to-zurich\n---\n');
    expect(warnings).toHaveLength(1);
  });
});

describe('applyBulkEdit', () => {
  const item = ['---', 'title: A', "status: ''", 'tags:', '  - News', '  - AI', 'count: 1', '---', 'Body', ''].join('\n');

  it('sets a value changing only its line', () => {
    const out = applyBulkEdit(item, { kind: 'set', path: 'status', value: 'review' });
    expect(out).toEqual({ status: 'change', text: item.replace("status: ''", "status: 'review'") });
    expect(applyBulkEdit(item, { kind: 'set', path: 'title', value: 'A' })).toEqual({ status: 'unchanged' });
  });

  it('adds to and removes from lists, idempotently', () => {
    const added = applyBulkEdit(item, { kind: 'add-to-list', path: 'tags', value: 'Policy' });
    expect(added.status === 'change' && parseFrontMatterDocument(added.text).getValue('tags')).toEqual(['News', 'AI', 'Policy']);
    expect(applyBulkEdit(item, { kind: 'add-to-list', path: 'tags', value: 'AI' })).toEqual({ status: 'unchanged' });
    const removed = applyBulkEdit(item, { kind: 'remove-from-list', path: 'tags', value: 'News' });
    expect(removed.status === 'change' && parseFrontMatterDocument(removed.text).getValue('tags')).toEqual(['AI']);
    expect(applyBulkEdit(item, { kind: 'remove-from-list', path: 'tags', value: 'Nope' })).toEqual({ status: 'unchanged' });
    const created = applyBulkEdit(item, { kind: 'add-to-list', path: 'authors', value: 'Ann' });
    expect(created.status === 'change' && parseFrontMatterDocument(created.text).getValue('authors')).toEqual(['Ann']);
  });

  it('deletes a key and reports type mismatches and broken front matter as errors', () => {
    const deleted = applyBulkEdit(item, { kind: 'delete-key', path: 'count' });
    expect(deleted).toEqual({ status: 'change', text: item.replace('count: 1\n', '') });
    expect(applyBulkEdit(item, { kind: 'delete-key', path: 'missing' })).toEqual({ status: 'unchanged' });
    expect(applyBulkEdit(item, { kind: 'add-to-list', path: 'title', value: 'x' })).toMatchObject({ status: 'error' });
    expect(applyBulkEdit('---\ntitle: [\n---\n', { kind: 'set', path: 'a', value: 1 })).toMatchObject({ status: 'error' });
  });
});
