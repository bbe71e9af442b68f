import { getPathValue } from './get-path-value';
import type { IndexEntry } from './index-entry';

/** The value a facet shows for items whose key is missing, null or blank. */
export const EMPTY_FACET_VALUE = '(empty)';

/** One facet value and how many items carry it. */
export interface FacetValueCount {
  readonly value: string;
  readonly count: number;
}

/** Counts for one facet key, most frequent first. */
export interface FacetCounts {
  readonly key: string;
  readonly values: readonly FacetValueCount[];
}

/** The facet label of one scalar value: blank values share one bucket, objects have none. */
export function facetValueKey(value: unknown): string | null {
  if (value === null || value === undefined) return EMPTY_FACET_VALUE;
  if (typeof value === 'string') return value.trim() === '' ? EMPTY_FACET_VALUE : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** Calls `visit` for each facet label of a value: every element of a list (categories, tags), else the value. */
export function forEachFacetValue(value: unknown, visit: (label: string) => void): void {
  if (Array.isArray(value)) {
    if (value.length === 0) visit(EMPTY_FACET_VALUE);
    for (const element of value) {
      const label = facetValueKey(element);
      if (label !== null) visit(label);
    }
    return;
  }
  const label = facetValueKey(value);
  if (label !== null) visit(label);
}

/** Counts the values of each key over the given entries; list values count each element once per item. */
export function facetCounts(entries: readonly IndexEntry[], keys: readonly string[]): FacetCounts[] {
  return keys.map((key) => {
    const counts = new Map<string, number>();
    for (const entry of entries) {
      const seen = new Set<string>();
      forEachFacetValue(getPathValue(entry.frontmatter, key), (label) => {
        if (seen.has(label)) return;
        seen.add(label);
        counts.set(label, (counts.get(label) ?? 0) + 1);
      });
    }
    const values = [...counts].map(([value, count]) => ({ value, count }));
    values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return { key, values };
  });
}

/** Limits for `detectFacetKeys`. */
export interface DetectFacetOptions {
  /** Most distinct values a key may have to be a facet. Default 50. */
  readonly maxDistinct?: number;
  /** Share of items that must carry the key. Default 0.3. */
  readonly minCoverage?: number;
  /** Items looked at; detection on an even sample keeps a 50,000-item folder cheap. Default 5,000. */
  readonly sampleSize?: number;
}

/**
 * An entry's facet candidates: each top-level key, or for an object each of its keys one level
 * down (`facetPathOf`), with its value; null when the entry has no front matter. A value that is
 * neither a scalar nor a list of scalars may be any object: it only disqualifies its key.
 */
export type FacetCandidateReader = (entry: IndexEntry) => Iterable<readonly [string, unknown]> | null;

/** The path of a facet candidate: a top-level key, or `key.sub` with `.` and `\` in `sub` escaped. */
export function facetPathOf(key: string, sub?: string): string {
  return sub === undefined ? key : `${key}.${sub.replace(/[\\.]/g, (c) => `\\${c}`)}`;
}

/** The candidates read from an entry's parsed front matter. */
export function frontMatterFacetCandidates(entry: IndexEntry): [string, unknown][] | null {
  const fm = entry.frontmatter;
  if (fm === null) return null;
  const out: [string, unknown][] = [];
  for (const [key, value] of Object.entries(fm)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [sub, subValue] of Object.entries(value as Record<string, unknown>)) out.push([facetPathOf(key, sub), subValue]);
    } else {
      out.push([key, value]);
    }
  }
  return out;
}

/**
 * Finds low-cardinality keys worth offering as facets (categories, tags, source, status): top-level
 * and one level nested keys whose values are scalars or lists of scalars, carried by many items,
 * with few distinct values that repeat. Keys that only ever hold one value are left out: they filter nothing.
 */
export function detectFacetKeys(entries: readonly IndexEntry[], options: DetectFacetOptions = {}, read: FacetCandidateReader = frontMatterFacetCandidates): string[] {
  const maxDistinct = options.maxDistinct ?? 50;
  const minCoverage = options.minCoverage ?? 0.3;
  const sampleSize = Math.min(entries.length, options.sampleSize ?? 5000);
  if (sampleSize === 0) return [];
  const step = entries.length / sampleSize;
  const stats = new Map<string, { present: number; distinct: Set<string> | null }>();
  const note = (key: string, value: unknown): void => {
    let stat = stats.get(key);
    if (stat === undefined) {
      stat = { present: 0, distinct: new Set() };
      stats.set(key, stat);
    }
    stat.present++;
    const distinct = stat.distinct;
    if (distinct === null) return;
    const scalarOrList = Array.isArray(value) ? value.every((v) => facetValueKey(v) !== null) : facetValueKey(value) !== null;
    if (!scalarOrList) {
      stat.distinct = null;
      return;
    }
    forEachFacetValue(value, (label) => distinct.add(label));
    if (distinct.size > maxDistinct) stat.distinct = null;
  };
  for (let s = 0; s < sampleSize; s++) {
    const entry = entries[Math.floor(s * step)];
    if (entry === undefined) continue;
    const candidates = read(entry);
    if (candidates !== null) for (const [key, value] of candidates) note(key, value);
  }
  const keys: string[] = [];
  for (const [key, stat] of stats) {
    if (stat.distinct === null || stat.present < minCoverage * sampleSize) continue;
    const real = [...stat.distinct].filter((v) => v !== EMPTY_FACET_VALUE).length;
    // Values must repeat (two items per value on average), or the key is an identifier, not a facet.
    if (real >= 2 && real <= stat.present / 2) keys.push(key);
  }
  return keys.sort();
}

/** Selected facet values: AND across keys, OR within a key. */
export type FacetSelection = Readonly<Record<string, readonly string[]>>;

/** Builds a predicate for a facet selection, with the selected values in sets for the per-row test. */
export function compileFacetFilter(selection: FacetSelection): ((entry: IndexEntry) => boolean) | null {
  const active = Object.entries(selection)
    .filter(([, values]) => values.length > 0)
    .map(([key, values]) => ({ key, values: new Set(values) }));
  if (active.length === 0) return null;
  return (entry) =>
    active.every(({ key, values }) => {
      const value = getPathValue(entry.frontmatter, key);
      if (!Array.isArray(value)) {
        const label = facetValueKey(value);
        return label !== null && values.has(label);
      }
      if (value.length === 0) return values.has(EMPTY_FACET_VALUE);
      return value.some((element) => {
        const label = facetValueKey(element);
        return label !== null && values.has(label);
      });
    });
}
