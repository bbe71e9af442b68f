import { compareSortKeys, toSortKey, type SortDirection, type SortKey } from './compare-values';
import { getPathValue } from './get-path-value';
import type { IndexEntry } from './index-entry';

/**
 * Sorts entries by a front matter path (or `path`, `size`, `mtimeMs` for the file columns),
 * computing each row's key once; ties keep path order so the list never jitters. With `keyCache`
 * (for this column) keys found there are reused and new ones stored: a caller whose entries
 * parse their front matter on demand then parses each entry once per column, not once per sort.
 */
export function sortEntries(entries: readonly IndexEntry[], column: string, direction: SortDirection = 'asc', keyCache?: WeakMap<IndexEntry, SortKey>): IndexEntry[] {
  const keyed = entries.map((entry) => {
    let key = keyCache?.get(entry);
    if (key === undefined) {
      key = toSortKey(column === 'path' ? entry.path : column === 'size' ? entry.size : column === 'mtimeMs' ? entry.mtimeMs : getPathValue(entry.frontmatter, column));
      keyCache?.set(entry, key);
    }
    return { entry, key };
  });
  keyed.sort((a, b) => compareSortKeys(a.key, b.key, direction) || (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0));
  return keyed.map((k) => k.entry);
}
