import { describe, expect, it } from 'vitest';
import type { IndexEntry } from '../../../shared/domain/search/index-entry';
import { FacetLabelTable } from './facet-label-table';

const entry = (path: string, frontmatter: Record<string, unknown>): IndexEntry => ({
  path,
  size: 1,
  mtimeMs: 1,
  hash: null,
  mode: 'text',
  frontmatter,
  problems: [],
  problemCounts: { error: 0, warning: 0, info: 0 },
  text: { title: '', description: '', body: '' },
});

describe('FacetLabelTable', () => {
  it('counts each label once per item, lists and blanks included, most frequent first', () => {
    const table = new FacetLabelTable(['tags', 'status']);
    const entries = [entry('a.md', { tags: ['x', 'y', 'x'], status: 'live' }), entry('b.md', { tags: ['y'], status: '' }), entry('c.md', { tags: [], status: 'live' })];
    expect(table.count(entries, ['tags', 'status'], 10)).toEqual([
      {
        key: 'tags',
        values: [
          { value: 'y', count: 2 },
          { value: '(empty)', count: 1 },
          { value: 'x', count: 1 },
        ],
      },
      {
        key: 'status',
        values: [
          { value: 'live', count: 2 },
          { value: '(empty)', count: 1 },
        ],
      },
    ]);
  });

  it('keeps counting right as entries with new labels arrive, and reads an updated entry afresh', () => {
    const table = new FacetLabelTable(['status']);
    const first = [entry('a.md', { status: 'draft' })];
    expect(table.count(first, ['status'], 10)[0]?.values).toEqual([{ value: 'draft', count: 1 }]);
    // 'live' gets its id while this very count runs, after its tally was sized.
    const more = [entry('b.md', { status: 'draft' }), entry('c.md', { status: 'live' }), entry('d.md', { status: 'live' }), entry('e.md', { status: 'live' })];
    expect(table.count([...first, ...more], ['status'], 10)[0]?.values).toEqual([
      { value: 'live', count: 3 },
      { value: 'draft', count: 2 },
    ]);
    const updated = entry('a.md', { status: 'live' });
    expect(table.count([updated, ...more], ['status'], 1)[0]?.values).toEqual([{ value: 'live', count: 4 }]);
  });
});

describe('FacetLabelTable labels and priming', () => {
  it('gives an entry\'s distinct labels per key, built once when primed', () => {
    const table = new FacetLabelTable(['tags', 'status']);
    const a = entry('a.md', { tags: ['x', 'y', 'x'], status: 'live' });
    expect(table.labelsOf(a, 'status')).toEqual(['live']);
    expect(table.labelsOf(a, 'tags')).toEqual(['x', 'y']);
    expect(table.labelsOf(a, 'other')).toBeUndefined();
    // Primed as it arrives: its record is built then, and kept (an updated entry is a new object).
    const b = entry('b.md', { tags: [], status: 'draft' });
    table.prime(b);
    (b.frontmatter as Record<string, unknown>)['status'] = 'live';
    expect(table.labelsOf(b, 'tags')).toEqual(['(empty)']);
    expect(table.count([a, b], ['status'], 10)).toEqual([{ key: 'status', values: [{ value: 'draft', count: 1 }, { value: 'live', count: 1 }] }]);
  });
});

describe('FacetLabelTable arena', () => {
  it('keeps counts right when label ids outgrow 16 bits (the arena widens) and after a compaction', () => {
    const table = new FacetLabelTable(['id', 'tags', 'status']);
    // 40,000 distinct ids: past the 16-bit single-label flag, so the arena widens midway.
    const entries = Array.from({ length: 40_000 }, (_, i) => entry(`${i}.md`, { id: `n${i}`, tags: i % 2 === 0 ? ['a', 'b'] : [], status: i % 3 === 0 ? 'live' : 'draft' }));
    const counted = table.count(entries, ['tags', 'status', 'id'], 3);
    expect(counted[0]?.values).toEqual([
      { value: '(empty)', count: 20_000 },
      { value: 'a', count: 20_000 },
      { value: 'b', count: 20_000 },
    ]);
    expect(counted[1]?.values).toEqual([
      { value: 'draft', count: 26_666 },
      { value: 'live', count: 13_334 },
    ]);
    expect(table.labelsOf(entries[39_999] as IndexEntry, 'id')).toEqual(['n39999']);
    expect(table.labelsOf(entries[2] as IndexEntry, 'tags')).toEqual(['a', 'b']);
    // Replace most entries: their old records are waste until a compaction copies the live ones.
    const replaced = entries.map((e, i) => (i < 35_000 ? entry(e.path, { id: `n${i}`, tags: ['c'], status: 'gone' }) : e));
    for (let i = 0; i < 35_000; i++) {
      table.forget(entries[i] as IndexEntry);
      table.prime(replaced[i] as IndexEntry);
    }
    expect(table.wasteful).toBe(true);
    table.compact(replaced);
    expect(table.wasteful).toBe(false);
    const after = table.count(replaced, ['tags', 'status'], 10);
    expect(after[0]?.values).toEqual([
      { value: 'c', count: 35_000 },
      { value: '(empty)', count: 2_500 },
      { value: 'a', count: 2_500 },
      { value: 'b', count: 2_500 },
    ]);
    expect(after[1]?.values).toEqual([
      { value: 'gone', count: 35_000 },
      { value: 'draft', count: 3_333 },
      { value: 'live', count: 1_667 },
    ]);
    expect(table.labelsOf(replaced[36_000] as IndexEntry, 'id')).toEqual(['n36000']);
  });
});
