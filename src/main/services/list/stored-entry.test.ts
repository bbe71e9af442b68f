import { describe, expect, it } from 'vitest';
import type { IndexEntry } from '../../../shared/domain/search/index-entry';
import { prepareEntry } from './prepared-entry';
import { entryTitle, plainEntry, StoredEntry } from './stored-entry';

const full: IndexEntry = {
  path: 'news/a.md',
  size: 10,
  mtimeMs: 2,
  hash: null,
  mode: 'text',
  frontmatter: { title: 'Alpha', categories: ['KLAS: Cyber'], link: { brand: 'b.example' } },
  problems: [],
  problemCounts: { error: 0, warning: 1, info: 0 },
  text: { title: 'Alpha', description: 'Short', body: 'Hello world' },
};

describe('StoredEntry', () => {
  it('keeps the front matter as text and parses it on demand, the same object while it is recent', () => {
    const stored = new StoredEntry(prepareEntry(full));
    expect(stored.frontmatter).toEqual(full.frontmatter);
    expect(stored.frontmatter).not.toBe(full.frontmatter);
    expect(stored.frontmatter).toBe(stored.frontmatter);
    expect(Object.keys(stored)).not.toContain('frontmatter');
    // The search index keeps the words; the stored entry keeps no text.
    expect(stored.text).toEqual({ title: '', description: '', body: '' });
    expect(entryTitle(stored)).toBe('Alpha');
    expect(new StoredEntry(prepareEntry({ ...full, frontmatter: null })).frontmatter).toBeNull();
  });

  it('gives out plain copies with their own front matter, which callers may change freely', () => {
    const stored = new StoredEntry(prepareEntry(full));
    const plain = plainEntry(stored);
    expect(plain).not.toBeInstanceOf(StoredEntry);
    expect(plain).toEqual({ ...full, frontmatter: full.frontmatter, text: { title: '', description: '', body: '' } });
    (plain.frontmatter as Record<string, unknown>)['title'] = 'Changed';
    expect(plainEntry(stored).frontmatter?.['title']).toBe('Alpha');
    expect(structuredClone(plain).frontmatter?.['link']).toEqual({ brand: 'b.example' });
  });
});
