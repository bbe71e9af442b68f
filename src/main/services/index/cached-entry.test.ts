import { describe, expect, it } from 'vitest';
import type { IndexEntry } from '../../../shared/domain/search/index-entry';
import { prepareEntry, toIndexEntry } from '../list/prepared-entry';
import { decodeCachedEntry, encodeCachedEntry } from './cached-entry';
import { PreparedBatchDecoder, PreparedBatchEncoder } from './prepared-batch-transfer';

const entry = (path: string, frontmatter: Record<string, unknown> | null): IndexEntry => ({
  path,
  size: 12,
  mtimeMs: 3.5,
  hash: 'c0ffee'.padEnd(64, '0'),
  mode: 'text',
  frontmatter,
  problems: [{ code: 'duplicate-key', severity: 'warning', message: 'twice', line: 2, column: 1 }],
  problemCounts: { error: 0, warning: 1, info: 0 },
  text: { title: 'Café Harbour', description: 'Short', body: 'Hello world 2024' },
});
const data = JSON.parse('{"title":"Café Harbour","__proto__":{"x":1},"tags":["a","b"],"links":[{"href":"/a","label":"a long label here"},{"href":"/b","label":"a long label here"}]}') as Record<string, unknown>;

describe('cached entries', () => {
  it('round-trip an entry as the list holds it: front matter by layout index, words, problems', () => {
    const layouts: string[] = [];
    const layoutIndex = (key: string): number => (layouts.includes(key) ? layouts.indexOf(key) : layouts.push(key) - 1);
    const prepared = prepareEntry(entry('news/a.md', data));
    const line = encodeCachedEntry(prepared, layoutIndex);
    expect(layouts).toHaveLength(1);
    const back = decodeCachedEntry(line, 'news/a.md', layouts);
    expect(back).not.toBeNull();
    expect(toIndexEntry(back!).frontmatter).toEqual(data);
    expect(Object.hasOwn(toIndexEntry(back!).frontmatter!, '__proto__')).toBe(true);
    expect(back).toMatchObject({ path: 'news/a.md', size: 12, mtimeMs: 3.5, hash: 'c0ffee'.padEnd(64, '0'), mode: 'text', title: 'Café Harbour', problems: prepared.problems, problemCounts: prepared.problemCounts });
    expect(back?.words).toEqual(prepared.words);
    const bare = decodeCachedEntry(encodeCachedEntry(prepareEntry(entry('b.md', null)), layoutIndex), 'b.md', layouts);
    expect(bare?.packed).toBeNull();
  });

  it('refuses a line for another path, with a layout the cache does not have, or damaged', () => {
    const line = encodeCachedEntry(prepareEntry(entry('a.md', data)), () => 0);
    expect(decodeCachedEntry(line, 'b.md', ['{}'])).toBeNull();
    expect(decodeCachedEntry(line, 'a.md', [])).toBeNull();
    expect(decodeCachedEntry(line.slice(0, -3), 'a.md', ['{}'])).toBeNull();
    expect(decodeCachedEntry('{"path":"a.md"}', 'a.md', [])).toBeNull();
    expect(decodeCachedEntry(null, 'a.md', [])).toBeNull();
  });
});

describe('prepared entries between threads', () => {
  it('spell each layout once and arrive with the same front matter and words', () => {
    const encoder = new PreparedBatchEncoder();
    const decoder = new PreparedBatchDecoder();
    const first = encoder.encode([prepareEntry(entry('a.md', data)), null]);
    const second = encoder.encode([prepareEntry(entry('b.md', { ...data, title: 'Other' }))]);
    expect(first.layouts).toHaveLength(1);
    expect(second.layouts).toHaveLength(0);
    // Posted as a structured clone, as between worker threads.
    const [a, gone] = decoder.decode(structuredClone(first));
    const [b] = decoder.decode(structuredClone(second));
    expect(gone).toBeNull();
    expect(toIndexEntry(a!).frontmatter).toEqual(data);
    expect(toIndexEntry(b!).frontmatter).toEqual({ ...data, title: 'Other' });
    expect(b?.words).toEqual(prepareEntry(entry('b.md', data)).words);
    expect(() => new PreparedBatchDecoder().decode(structuredClone(second))).toThrow(/layout/);
  });
});
