import { compareSortKeys, toSortKey, type SortDirection } from './compare-values';
import { getPathValue } from './get-path-value';
import type { IndexEntry } from './index-entry';

/**
 * Sorts entries by a front matter path (or `path`, `size`, `mtimeMs` for the file columns),
 * computing each row's key once; ties keep path order so the list never jitters.
 */
export function sortEntries(entries: readonly IndexEntry[], column: string, direction: SortDirection = 'asc'): IndexEntry[] {
  const keyed = entries.map((entry) => {
    const raw = column === 'path' ? entry.path : column === 'size' ? entry.size : column === 'mtimeMs' ? entry.mtimeMs : getPathValue(entry.frontmatter, column);
    return { entry, key: toSortKey(raw) };
  });
  keyed.sort((a, b) => compareSortKeys(a.key, b.key, direction) || (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0));
  return keyed.map((k) => k.entry);
}
