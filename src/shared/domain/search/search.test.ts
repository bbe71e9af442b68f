import { describe, expect, it } from 'vitest';
import { compareValues } from './compare-values';
import { detectFacetKeys, facetCounts } from './facet-counts';
import { filterEntries, quickOpen } from './filter-entries';
import { findMatchRanges } from './find-match-ranges';
import { getPathValue } from './get-path-value';
import type { IndexEntry } from './index-entry';
import { forEachIndexWord, indexWords } from './index-words';
import { parseSearchQuery } from './parse-search-query';
import { SearchIndex } from './search-index';
import { sortEntries } from './sort-entries';
import { toSearchText } from './to-search-text';

function entry(path: string, fm: Record<string, unknown>, body = ''): IndexEntry {
  return {
    path,
    size: 1,
    mtimeMs: 1,
    hash: null,
    mode: 'text',
    frontmatter: fm,
    problems: [],
    problemCounts: { error: 0, warning: 0, info: 0 },
    text: { title: typeof fm['title'] === 'string' ? fm['title'] : '', description: typeof fm['description'] === 'string' ? fm['description'] : '', body: toSearchText(body) },
  };
}

const entries = [
  entry('news/a.md', { title: 'Clinical analytics rethink', description: 'Claims denial', categories: ['KLAS: Telehealth', 'Cyber'], source: 'rss', status: 'draft', date: '2016-01-03', id: 10, link: { brand: 'b.example' } }, '<p>Hospitals <b>adopt</b> telehealth.</p>'),
  entry('news/b.md', { title: 'Café funding round', description: 'Money', categories: ['Cyber'], source: 'rss', status: 'published', date: '2015-12-31', id: 9, link: { brand: 'a.example' } }, '# Heading\n\nA [linked word](https://x.example/zebra) here.'),
  entry('news/c.md', { title: 'Item 10', categories: [], source: 'email', status: '', date: null, id: 100, 'msvalidate.01': 'x' }, 'telemetry only'),
  entry('other/item-2.md', { title: 'Item 2', categories: ['KLAS: Telehealth'], source: 'email', status: 'draft', date: '2020-06-01T10:00:00Z', id: 2 }),
];

describe('getPathValue', () => {
  it('reads nested, indexed and dotted keys', () => {
    expect(getPathValue(entries[0]!.frontmatter, 'link.brand')).toBe('b.example');
    expect(getPathValue(entries[0]!.frontmatter, 'categories.1')).toBe('Cyber');
    expect(getPathValue(entries[2]!.frontmatter, 'msvalidate.01')).toBe('x');
    expect(getPathValue(entries[2]!.frontmatter, 'msvalidate\\.01')).toBe('x');
    expect(getPathValue(entries[2]!.frontmatter, 'link.brand')).toBeUndefined();
    expect(getPathValue(null, 'a')).toBeUndefined();
  });
});

describe('compareValues and sortEntries', () => {
  it('orders numbers as numbers, dates as dates, text naturally, empties last both ways', () => {
    expect(compareValues(9, 10)).toBeLessThan(0);
    expect(compareValues('2015-12-31', '2016-01-03')).toBeLessThan(0);
    expect(compareValues('item 2', 'Item 10')).toBeLessThan(0);
    expect(compareValues(null, 'a')).toBeGreaterThan(0);
    expect(compareValues(null, 'a', 'desc')).toBeGreaterThan(0);
    expect(compareValues('', 1, 'desc')).toBeGreaterThan(0);
  });

  it('sorts entries by a column', () => {
    expect(sortEntries(entries, 'id').map((e) => e.path)).toEqual(['other/item-2.md', 'news/b.md', 'news/a.md', 'news/c.md']);
    expect(sortEntries(entries, 'date', 'desc').map((e) => e.path)).toEqual(['other/item-2.md', 'news/a.md', 'news/b.md', 'news/c.md']);
    expect(sortEntries(entries, 'title').map((e) => e.path)).toEqual(['news/b.md', 'news/a.md', 'other/item-2.md', 'news/c.md']);
  });
});

describe('facets', () => {
  it('counts list elements and blanks', () => {
    const [categories, status] = facetCounts(entries, ['categories', 'status']);
    expect(categories!.values).toEqual([
      { value: 'Cyber', count: 2 },
      { value: 'KLAS: Telehealth', count: 2 },
      { value: '(empty)', count: 1 },
    ]);
    expect(status!.values.find((v) => v.value === 'draft')?.count).toBe(2);
  });

  it('detects low-cardinality keys and leaves out unique ones', () => {
    const keys = detectFacetKeys(entries);
    expect(keys).toEqual(expect.arrayContaining(['categories', 'source', 'status']));
    expect(keys).not.toContain('title');
    const many = Array.from({ length: 200 }, (_, i) => entry(`x/${i}.md`, { title: `T${i}`, tag: `t${i % 3}`, slug: `s${i}` }));
    expect(detectFacetKeys(many)).toEqual(['tag']);
  });

  it('filters with AND across keys and OR within a key', () => {
    const paths = (q: Parameters<typeof filterEntries>[1]): string[] => filterEntries(entries, q).map((e) => e.path);
    expect(paths({ facets: { categories: ['Cyber', 'KLAS: Telehealth'] } })).toEqual(['news/a.md', 'news/b.md', 'other/item-2.md']);
    expect(paths({ facets: { categories: ['Cyber'], status: ['draft'] } })).toEqual(['news/a.md']);
    expect(paths({ facets: { status: ['(empty)'] } })).toEqual(['news/c.md']);
    expect(paths({ facets: { status: [] } })).toHaveLength(4);
  });
});

describe('full-text search', () => {
  const paths = (text: string): string[] => filterEntries(entries, { text }).map((e) => e.path);

  it('ANDs words, matches the last one as a prefix, folds case and accents', () => {
    expect(paths('tele')).toEqual(['news/a.md', 'news/c.md']);
    expect(paths('tele ')).toEqual([]);
    expect(paths('telehealth hosp')).toEqual(['news/a.md']);
    expect(paths('CAFE')).toEqual(['news/b.md']);
    expect(paths('claims denial')).toEqual(['news/a.md']);
    expect(paths('nothing-here')).toEqual([]);
    expect(paths('')).toHaveLength(4);
  });

  it('searches stripped text: tag names and link targets are not words', () => {
    expect(paths('adopt')).toEqual(['news/a.md']);
    expect(paths('linked')).toEqual(['news/b.md']);
    expect(paths('zebra')).toEqual([]);
    expect(paths('heading')).toEqual(['news/b.md']);
    expect(paths('p')).toEqual([]);
  });

  it('combines search with facets and keeps the given order', () => {
    const reversed = [...entries].reverse();
    expect(filterEntries(reversed, { text: 'item' }).map((e) => e.path)).toEqual(['other/item-2.md', 'news/c.md']);
    expect(filterEntries(entries, { text: 'item', facets: { source: ['email'] } })).toHaveLength(2);
    expect(filterEntries(entries, { text: 'tele', facets: { source: ['rss'] } }).map((e) => e.path)).toEqual(['news/a.md']);
  });

  it('ranks title hits first and returns highlight ranges', () => {
    const index = new SearchIndex(entries);
    const hits = index.search('tele');
    expect(hits.map((h) => h.entry.path)).toEqual(['news/a.md', 'news/c.md']);
    const terms = parseSearchQuery('café tele');
    expect(findMatchRanges('Le Café du telehealth', terms)).toEqual([
      { start: 3, end: 7 },
      { start: 11, end: 15 },
    ]);
  });

  it('updates incrementally', () => {
    const index = new SearchIndex(entries);
    index.upsert(entry('news/a.md', { title: 'Renamed' }, 'zeppelin'));
    index.remove('news/c.md');
    const live = index.entries();
    expect(index.filter(live, { text: 'tele' }).map((e) => e.path)).toEqual([]);
    expect(index.filter(live, { text: 'zep' }).map((e) => e.path)).toEqual(['news/a.md']);
    expect(index.size).toBe(3);
  });
});

describe('quickOpen', () => {
  it('ranks contiguous and word-start matches first and reports positions', () => {
    const hits = quickOpen(entries, 'item 2');
    expect(hits[0]?.entry.path).toBe('other/item-2.md');
    expect(quickOpen(entries, 'cfr')[0]?.entry.path).toBe('news/b.md');
    const byPath = quickOpen(entries, 'other/it');
    expect(byPath[0]).toMatchObject({ field: 'path', positions: [0, 1, 2, 3, 4, 5, 6, 7] });
    expect(quickOpen(entries, 'qqq')).toEqual([]);
    expect(quickOpen(entries, '')).toEqual([]);
  });

  it('returns at most the limit, best first', () => {
    const many = Array.from({ length: 120 }, (_, i) => entry(`x/${i}.md`, { title: `Report ${i}` }));
    const hits = quickOpen(many, 'rep', 50);
    expect(hits).toHaveLength(50);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  });

  it('narrows a query typed on from the last one to the same hits a fresh index gives, and forgets the narrowing on updates', () => {
    const many = Array.from({ length: 300 }, (_, i) => entry(`x/${i}.md`, { title: i % 3 === 0 ? `Patient portal ${i}` : i % 3 === 1 ? `Payments ${i}` : `Other ${i}` }));
    const typed = new SearchIndex(many);
    const view = (hits: { entry: IndexEntry; score: number }[]) => hits.map((h) => [h.entry.path, h.score]);
    for (const query of ['p', 'pa', 'pat', 'patient', 'patient p', 'patient po']) {
      expect(view(typed.quickOpen(query)), query).toEqual(view(new SearchIndex(many).quickOpen(query)));
    }
    // An entry added after 'patient po' must be found by a longer query too.
    typed.upsert(entry('y/new.md', { title: 'Patient portal newcomer' }));
    expect(typed.quickOpen('patient portal newc')[0]?.entry.path).toBe('y/new.md');
    // A query that does not extend the last one starts over.
    expect(view(typed.quickOpen('pay'))).toEqual(view(new SearchIndex([...many, entry('y/new.md', { title: 'Patient portal newcomer' })]).quickOpen('pay')));
  });
});

describe('compareValues with impossible dates', () => {
  it('does not roll 2023-02-30 over to March: it sorts as text after real dates', () => {
    const values = ['2023-03-01', '2023-02-30', '2023-02-15'];
    expect([...values].sort((a, b) => compareValues(a, b))).toEqual(['2023-02-15', '2023-03-01', '2023-02-30']);
  });
});

describe('fuzzy quick open across words', () => {
  it('matches letters spread over several words without jumping past the rest of the query', () => {
    const entry = (path: string, title: string): IndexEntry => ({
      path,
      size: 1,
      mtimeMs: 1,
      hash: null,
      mode: 'text',
      frontmatter: { title },
      problems: [],
      problemCounts: { error: 0, warning: 0, info: 0 },
      text: { title, description: '', body: '' },
    });
    const hits = quickOpen([entry('a.md', 'What a ransomware tabletop taught one health system about downtime'), entry('b.md', 'Other news')], 'rnsmwr tbltp');
    expect(hits.map((h) => h.entry.path)).toEqual(['a.md']);
  });
});

describe('SearchIndex without the entries keeping their text', () => {
  it('searches text given at upsert, and still finds it after removals compact the index', () => {
    const index = new SearchIndex();
    const bare = (path: string): IndexEntry => ({ ...entry(path, {}), text: { title: '', description: '', body: '' } });
    for (let i = 0; i < 2500; i++) index.upsert(bare(`n/${String(i).padStart(4, '0')}.md`), { title: i % 2 === 0 ? 'Harbour' : 'Meadow', description: '', body: `word${i}` });
    // More than 1,000 dead slots and more dead than live: the index compacts itself.
    for (let i = 0; i < 1300; i++) index.remove(`n/${String(i).padStart(4, '0')}.md`);
    expect(index.size).toBe(1200);
    expect(index.search('harbour')).toHaveLength(600);
    expect(index.search('word2499').map((h) => h.entry.path)).toEqual(['n/2499.md']);
    expect(index.search('word5')).toEqual([]);
    expect(index.quickOpen('n/1300', 1)[0]?.entry.path).toBe('n/1300.md');
    index.upsert(bare('n/new.md'), { title: 'Harbour lights', description: '', body: '' });
    expect(index.search('lights').map((h) => h.entry.path)).toEqual(['n/new.md']);
  });
});

describe('sortEntries with a key cache', () => {
  it('reads each entry\'s value once per column across sorts', () => {
    let reads = 0;
    const counted = (path: string, date: string): IndexEntry => {
      const base = entry(path, { date });
      return Object.defineProperty({ ...base }, 'frontmatter', { get: () => (reads++, base.frontmatter) });
    };
    const list = [counted('a.md', '2020-01-02'), counted('b.md', '2019-05-01'), counted('c.md', '2021-07-07')];
    const cache = new WeakMap();
    expect(sortEntries(list, 'date', 'asc', cache).map((e) => e.path)).toEqual(['b.md', 'a.md', 'c.md']);
    expect(sortEntries(list, 'date', 'desc', cache).map((e) => e.path)).toEqual(['c.md', 'a.md', 'b.md']);
    expect(reads).toBe(3);
  });
});

describe('SearchIndex facet label source', () => {
  it('filters by the labels the source gives, reading front matter only where it gives none', () => {
    const index = new SearchIndex(entries);
    index.setFacetLabelSource((e, key) => (key === 'source' && e.path === 'news/c.md' ? ['rss'] : undefined));
    expect(index.filter(entries, { facets: { source: ['rss'] } }).map((e) => e.path)).toEqual(['news/a.md', 'news/b.md', 'news/c.md']);
    expect(index.filter(entries, { facets: { status: ['draft'] } }).map((e) => e.path)).toEqual(['news/a.md', 'other/item-2.md']);
  });
});

describe('indexWords', () => {
  it('tokenises once into words with their fields, which index as the text itself would', () => {
    const text = { title: 'Café 2024 harbour', description: 'Harbour lights', body: 'lights 2024 and 42nd street' };
    const words = indexWords(text);
    expect(words.title).toBe('cafe 2024 harbour');
    const seen: [string, number][] = [];
    forEachIndexWord(words.words, (word, bits) => seen.push([word, bits]));
    expect(Object.fromEntries(seen)).toEqual({ cafe: 1, '2024': 5, harbour: 3, lights: 6, and: 4, '42nd': 4, street: 4 });
    const byText = new SearchIndex();
    const byWords = new SearchIndex();
    const bare = { path: 'a.md', size: 1, mtimeMs: 1, hash: null, mode: 'text', frontmatter: null, problems: [], problemCounts: { error: 0, warning: 0, info: 0 }, text } as const;
    byText.upsert(bare);
    byWords.upsertWords(bare, words);
    for (const query of ['harb', '2024', '42nd street', 'cafe lights', 'nothing']) expect(byWords.search(query)).toEqual(byText.search(query));
    expect(byWords.search('harbour')[0]?.score).toBe(3);
  });
});
