import type { ListQueryRequest } from '../src/shared/contract';
import { keystrokes, percentile } from './measure';
import { withIndexedList } from './with-indexed-list';

/** Keystroke-to-result timings of the list query the app runs (search, facets, sort, facet counts). */
export interface ListBenchResult {
  readonly items: number;
  readonly queries: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** Facet counts for the same keystrokes, asked after the list as the renderer does. */
  readonly facetsP95: number;
  readonly quickOpenP95: number;
}


/**
 * Indexes `dir` and times `ListService.query` as the renderer calls it on each keystroke (the
 * visible window of the ordered result with its rows), with and without a facet and a date sort;
 * then the facet counts the renderer asks for once typing pauses.
 */
export function benchListQueries(dir: string): Promise<ListBenchResult> {
  return withIndexedList(dir, async (_index, list) => {
    const warm = await list.query({ text: '', facets: {}, sort: null });
    const facet = (await list.facets({ text: '', facets: {} }))[0];
    const firstValue = facet?.values[0]?.value;
    const facets = facet && firstValue !== undefined ? { [facet.key]: [firstValue] } : {};
    const requests: ListQueryRequest[] = [];
    for (const text of [...keystrokes('patient portal'), ...keystrokes('telehealth'), ...keystrokes('zzz none')]) requests.push({ text, facets: {}, sort: null });
    for (const text of keystrokes('health')) requests.push({ text, facets, sort: { column: 'date', direction: 'desc' } });
    requests.push({ text: '', facets, sort: { column: 'date', direction: 'desc' } });
    const times: number[] = [];
    const facetTimes: number[] = [];
    const columns = ['title', 'date', 'categories'];
    for (const request of requests) {
      let start = performance.now();
      await list.query({ ...request, window: { start: 0, count: 90 }, columns });
      times.push(performance.now() - start);
      start = performance.now();
      await list.facets({ text: request.text, facets: request.facets });
      facetTimes.push(performance.now() - start);
      await new Promise((resolve) => setImmediate(resolve));
    }
    facetTimes.sort((a, b) => a - b);
    const quick: number[] = [];
    for (const text of keystrokes('rnsmwr tbltp')) {
      const start = performance.now();
      await list.quickOpen(text);
      quick.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    quick.sort((a, b) => a - b);
    return { items: warm.total, queries: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? 0, facetsP95: percentile(facetTimes, 95), quickOpenP95: percentile(quick, 95) };
  });
}
