import { describe, expect, it } from 'vitest';
import type { IndexEntry } from '../../../shared/domain/search/index-entry';
import { getPathValue } from '../../../shared/domain/search/get-path-value';
import { ListEngine } from './list-engine';
import { toCellValue } from './to-cell-value';

const entry = (path: string, frontmatter: Record<string, unknown>): IndexEntry => ({
  path,
  size: 10,
  mtimeMs: 1,
  hash: null,
  mode: 'text',
  frontmatter,
  problems: [],
  problemCounts: { error: 0, warning: 0, info: 0 },
  text: { title: typeof frontmatter['title'] === 'string' ? frontmatter['title'] : '', description: '', body: '' },
});
const stub = (path: string): IndexEntry => ({ ...entry(path, {}), frontmatter: null, text: { title: '', description: '', body: '' } });

describe('ListEngine with stubs listed from the cache', () => {
  it('lists stubs at once, reads their rows through the loader, and searches them once their entry arrives', () => {
    const engine = new ListEngine();
    const full = { 'b.md': entry('b.md', { title: 'Bravo', status: 'live' }), 'a.md': entry('a.md', { title: 'Alpha', status: 'draft' }) };
    expect(engine.addScanned([], [stub('b.md'), stub('a.md')])).toEqual(['b.md', 'a.md']);
    engine.setStubLoader((path) => full[path as keyof typeof full]);
    expect(engine.query({ text: '', facets: {}, sort: null }).paths).toEqual(['a.md', 'b.md']);
    expect(engine.rows(['a.md'], ['status'])).toEqual([{ path: 'a.md', title: 'Alpha', cells: { status: 'draft' }, problems: { error: 0, warning: 0, info: 0 } }]);
    expect(engine.query({ text: 'bravo', facets: {}, sort: null }).paths).toEqual([]);

    expect(engine.addScanned([full['b.md'], full['a.md']])).toEqual([]);
    engine.setStubLoader(null);
    engine.invalidate();
    expect(engine.query({ text: 'bravo', facets: {}, sort: null }).paths).toEqual(['b.md']);
    expect(engine.rows(['b.md'], ['status'])[0]?.cells).toEqual({ status: 'live' });
  });
});

describe('ListEngine windows', () => {
  const many = Array.from({ length: 250 }, (_, i) => entry(`item-${String(i).padStart(3, '0')}.md`, { title: i % 2 === 0 ? `Harbour ${i}` : `Meadow ${i}`, status: i % 5 === 0 ? 'draft' : 'live' }));

  it('returns the match count and one window of paths with its rows, and further slices of the same result by index', () => {
    const engine = new ListEngine();
    engine.addScanned(many);
    const first = engine.query({ text: 'harbour', facets: {}, sort: null, window: { start: 10, count: 5 }, columns: ['status'] });
    expect(first.count).toBe(125);
    expect(first.total).toBe(250);
    expect(first.start).toBe(10);
    expect(first.paths).toEqual(['item-020.md', 'item-022.md', 'item-024.md', 'item-026.md', 'item-028.md']);
    expect(first.rows.map((r) => [r.path, r.cells['status']])).toEqual(first.paths.map((p, i) => [p, i === 0 ? 'draft' : 'live']));
    // Without a window: the first hundred only, never every match.
    expect(engine.query({ text: '', facets: {}, sort: null }).paths).toHaveLength(100);

    const later = engine.slice(first.resultId, 120, 10);
    expect(later).toEqual({ found: true, start: 120, paths: ['item-240.md', 'item-242.md', 'item-244.md', 'item-246.md', 'item-248.md'], rows: [] });
    // A result is kept while newer queries come in, and dropped once several have overtaken it.
    for (let i = 0; i < 10; i++) engine.query({ text: 'meadow', facets: {}, sort: null });
    expect(engine.slice(first.resultId, 0, 5).found).toBe(false);
  });

  it('ranks search hits by field (title before body) and by path within a score, without a comparison sort', () => {
    const engine = new ListEngine();
    const body = (path: string, title: string, text: string): IndexEntry => ({ ...entry(path, { title }), text: { title, description: '', body: text } });
    engine.addScanned([body('c.md', 'Other', 'harbour news'), body('b.md', 'Harbour', ''), body('a.md', 'Other', 'harbour'), body('d.md', 'Harbour days', '')]);
    expect(engine.query({ text: 'harb', facets: {}, sort: null }).paths).toEqual(['b.md', 'd.md', 'a.md', 'c.md']);
  });

  it('answers facet counts and folders separately from the list', () => {
    const engine = new ListEngine();
    engine.addScanned([...many, entry('news/x.md', { title: 'X', status: 'live' }), entry('news/deep/y.md', { title: 'Y', status: 'draft' })]);
    const status = engine.facets('harbour', {}).find((f) => f.key === 'status');
    expect(status?.values).toEqual([
      { value: 'live', count: 100 },
      { value: 'draft', count: 25 },
    ]);
    expect(engine.folders()).toEqual(['', 'news', 'news/deep']);
  });
});

describe('ListEngine derived data over stored entries', () => {
  it('keeps value counts and sort keys until entries change, and follows updates', () => {
    const engine = new ListEngine();
    engine.addScanned([entry('a.md', { title: 'A', status: 'live', date: '2020-01-01' }), entry('b.md', { title: 'B', status: 'draft', date: '2021-01-01' }), entry('c.md', { title: 'C', status: 'live', date: '2019-01-01' })]);
    const byDate = { column: 'date', direction: 'desc' } as const;
    expect(engine.query({ text: '', facets: {}, sort: byDate }).paths).toEqual(['b.md', 'a.md', 'c.md']);
    expect(engine.values('status', '')).toEqual([{ value: 'live', count: 2 }, { value: 'draft', count: 1 }]);
    expect(engine.values('status', 'D')).toEqual([{ value: 'draft', count: 1 }]);

    engine.update([entry('c.md', { title: 'C', status: 'draft', date: '2022-01-01' })], ['a.md']);
    expect(engine.query({ text: '', facets: {}, sort: byDate }).paths).toEqual(['c.md', 'b.md']);
    expect(engine.values('status', '')).toEqual([{ value: 'draft', count: 2 }]);
    expect(engine.rows(['c.md'], ['date'])[0]).toMatchObject({ title: 'C', cells: { date: '2022-01-01' } });
    // Entries leave the engine as plain data of their own.
    const out = engine.entry('c.md');
    expect(out?.frontmatter).toEqual({ title: 'C', status: 'draft', date: '2022-01-01' });
    expect(engine.entries().map((e) => e.path).sort()).toEqual(['b.md', 'c.md']);
  });
});

describe('ListEngine facet keys after updates', () => {
  it('keeps counting exactly after an update, and detects new facet keys only when refreshed', () => {
    const engine = new ListEngine();
    const items = (status: string, region?: string) =>
      Array.from({ length: 40 }, (_, i) => entry(`news/${String(i).padStart(2, '0')}.md`, { title: `Item ${i}`, status: i % 2 === 0 ? status : 'draft', ...(region === undefined ? {} : { region: i % 4 === 0 ? region : 'south' }) }));
    engine.addScanned(items('live'));
    engine.invalidate();
    const keys = () => engine.facets('', {}).map((f) => f.key);
    expect(keys()).toContain('status');
    expect(keys()).not.toContain('region');

    // A bulk edit gives every item a new low-cardinality key and changes a status.
    engine.update(items('review', 'north'), []);
    // Counts follow at once; a new key waits for the folder-wide pass, which no keystroke pays for.
    expect(engine.facets('', {}).find((f) => f.key === 'status')?.values).toEqual([
      { value: 'draft', count: 20 },
      { value: 'review', count: 20 },
    ]);
    expect(keys()).not.toContain('region');
    expect(engine.refreshFacetKeys()).toBe(true);
    expect(keys()).toContain('region');
    expect(engine.refreshFacetKeys()).toBe(false);
  });
});

describe('ListEngine folder-wide reads', () => {
  const items = Array.from({ length: 100 }, (_, i) => entry(`news/${String(i).padStart(3, '0')}.md`, { title: `Item ${i}`, id: 1000 + i, link: { brand: i % 2 === 0 ? 'even' : 'odd' } }));

  it('reads a few field paths of every entry, nested ones included, and stubs through the loader', () => {
    const engine = new ListEngine();
    engine.addScanned(items.slice(0, 99), [stub('news/099.md')]);
    engine.setStubLoader((path) => (path === 'news/099.md' ? (items[99] as IndexEntry) : null));
    const values = engine.fieldValues(['id', 'link.brand', 'missing']);
    expect(values).toHaveLength(100);
    expect(values.find((v) => v.path === 'news/007.md')?.values).toEqual([1007, 'odd', undefined]);
    expect(values.find((v) => v.path === 'news/099.md')?.values).toEqual([1099, 'odd', undefined]);
  });
});

describe('ListEngine rows and kept orders', () => {
  it('reads row cells by field path from the stored values: nested keys, list elements, paths through lists of objects', () => {
    const engine = new ListEngine();
    const frontmatter = { title: 'Nested', link: { brand: 'b.example' }, tags: ['x', 'y'], related: [{ label: 'One' }, { label: 'Two' }], missing: null };
    engine.addScanned([entry('n.md', frontmatter)]);
    const columns = ['link.brand', 'tags', 'tags.1', 'related.1.label', 'related', 'missing', 'nope'];
    const [row] = engine.rows(['n.md'], columns);
    // The same cells as read from the parsed front matter.
    expect(row?.cells).toEqual(Object.fromEntries(columns.map((column) => [column, toCellValue(getPathValue(frontmatter, column))])));
    expect(row?.cells).toMatchObject({ 'link.brand': 'b.example', 'tags.1': 'y', 'related.1.label': 'Two' });
  });

  it('keeps a result as it was when the folder changes after it, and ready after prepare (facet keys detected)', () => {
    const engine = new ListEngine();
    engine.addScanned(Array.from({ length: 40 }, (_, i) => entry(`p${String(i).padStart(2, '0')}.md`, { title: `Paper ${i}`, status: i % 2 === 0 ? 'draft' : 'live' })));
    engine.invalidate();
    engine.prepare();
    const before = engine.query({ text: '', facets: {}, sort: null, window: { start: 0, count: 5 } });
    engine.update([entry('a-first.md', { title: 'First', status: 'live' })], ['p00.md']);
    // The kept result still reads the order it was answered with.
    expect(engine.slice(before.resultId, 0, 2)).toMatchObject({ found: true, paths: ['p00.md', 'p01.md'] });
    expect(engine.query({ text: '', facets: {}, sort: null, window: { start: 0, count: 2 } }).paths).toEqual(['a-first.md', 'p01.md']);
    expect(engine.facets('', {}).find((facet) => facet.key === 'status')?.values).toEqual([
      { value: 'live', count: 21 },
      { value: 'draft', count: 19 },
    ]);
  });
});
