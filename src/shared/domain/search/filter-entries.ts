import type { IndexEntry } from './index-entry';
import { QUICK_OPEN_LIMIT, SearchIndex, type ListQuery, type QuickOpenHit } from './search-index';

// One prepared index per entries array: the free functions stay convenient without re-tokenising
// 50,000 entries per keystroke. A new array (after an update) gets a new index.
const prepared = new WeakMap<readonly IndexEntry[], SearchIndex>();

/** The search index for an entries array, built on first use and reused while the array is unchanged. */
export function searchIndexFor(entries: readonly IndexEntry[]): SearchIndex {
  let index = prepared.get(entries);
  if (index === undefined) {
    index = new SearchIndex(entries);
    prepared.set(entries, index);
  }
  return index;
}

/**
 * Keeps the entries that match the facets (AND across keys, OR within a key) and every word of
 * the text (the last word as a prefix), in their given order. For a live, incrementally updated
 * list, hold a `SearchIndex` and call its `filter` instead.
 */
export function filterEntries(entries: readonly IndexEntry[], query: ListQuery): IndexEntry[] {
  return searchIndexFor(entries).filter(entries, query);
}

/** Fuzzy quick open over titles and paths, best first, top 50 by default. */
export function quickOpen(entries: readonly IndexEntry[], query: string, limit = QUICK_OPEN_LIMIT): QuickOpenHit[] {
  return searchIndexFor(entries).quickOpen(query, limit);
}
