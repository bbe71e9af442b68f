import { detectFacetKeys, facetCounts } from '../src/shared/domain/search/facet-counts';
import type { IndexEntry } from '../src/shared/domain/search/index-entry';
import { SearchIndex, type ListQuery } from '../src/shared/domain/search/search-index';
import { sortEntries } from '../src/shared/domain/search/sort-entries';
import { keystrokes, percentile } from './measure';

/** Keystroke timings of the list query logic over a set of entries (ms). */
export interface SearchBenchResult {
  readonly entries: number;
  readonly buildMs: number;
  readonly sortMs: number;
  readonly facetKeys: readonly string[];
  readonly queries: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly quickOpenP95: number;
}


/**
 * Times keystroke-to-filtered-list over `entries`: typing search phrases letter by letter, alone
 * and combined with facets, plus quick open. Returns p50/p95 per keystroke (target p95 <= 50 ms at
 * 50,000 entries, docs/performance.md). Words come from the entries so queries hit real postings.
 */
export async function benchSearch(entries: readonly IndexEntry[]): Promise<SearchBenchResult> {
  let t = performance.now();
  const index = new SearchIndex(entries);
  const buildMs = performance.now() - t;
  t = performance.now();
  const sorted = sortEntries(entries, 'date', 'desc');
  const sortMs = performance.now() - t;
  const facetKeys = detectFacetKeys(entries);
  const top = facetCounts(entries, facetKeys.slice(0, 3));
  const facetChoice: Record<string, string[]> = {};
  for (const f of top) if (f.values[0] !== undefined) facetChoice[f.key] = [f.values[0].value];

  const sample = entries[Math.floor(entries.length / 2)];
  const titleWords = (sample?.text.title ?? 'clinical analytics').split(' ').slice(0, 3).join(' ');
  const phrases = [titleWords, 'clinical decision', 'telehealth patient portal', 'a', 'zzz nothing', 'health'];
  const queries: ListQuery[] = [];
  for (const phrase of phrases) for (const text of keystrokes(phrase)) queries.push({ text });
  for (const text of keystrokes('portal')) queries.push({ text, facets: facetChoice });
  queries.push({ facets: facetChoice });

  const times: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    index.filter(sorted, query);
    times.push(performance.now() - start);
    // Let the event loop breathe as between real keystrokes (and let GC run outside the timing).
    await new Promise((resolve) => setImmediate(resolve));
  }
  const quick: number[] = [];
  for (const text of [...keystrokes('ambulatory'), ...keystrokes('news/2016'), ...keystrokes('rcda')]) {
    const start = performance.now();
    index.quickOpen(text);
    quick.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  quick.sort((a, b) => a - b);
  return {
    entries: entries.length,
    buildMs,
    sortMs,
    facetKeys,
    queries: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1] ?? 0,
    quickOpenP95: percentile(quick, 95),
  };
}
