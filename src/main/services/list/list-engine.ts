import { flatString } from '../../../shared/lib/flat-string';
import type { FacetDto, ListQueryRequest, ListQueryResult, ListRow, ListSliceResult, ListValueDto, QuickOpenItem } from '../../../shared/contract';
import { detectFacetKeys, EMPTY_FACET_VALUE, forEachFacetValue, getPathValue, SearchIndex, sortEntries, toSortKey, type FacetSelection, type IndexEntry, type SortKey } from '../../../shared/domain/search';
import { parseFieldPath } from '../../../shared/domain/frontmatter/field-path';
import { FacetLabelTable } from './facet-label-table';
import { entryFacetCandidates, entryTitle, entryValuesAt, plainEntry, StoredEntry } from './stored-entry';
import { toCellValue } from './to-cell-value';
import { isPreparedEntry, prepareEntry, type PreparedEntry } from './prepared-entry';

/** How many values of one facet the list shows; the long tail stays searchable. */
const maxFacetValues = 40;

/** The first window of a query's answer when the caller names none. */
export const defaultWindowCount = 100;
/** Ordered results kept for `slice` (scrolling asks by index): the current one and a few it overtook. */
const keptResults = 8;

/** What the engine answers for a list query: the contract's result less the scan progress, which the list service adds. */
export type ListEngineResult = Omit<ListQueryResult, 'progress'>;

/** A slice of a kept result; `found` false when the result was dropped (the caller queries again). */
export type ListEngineSlice = ListSliceResult;

/** Keys whose value suggestions are kept between calls (the form asks per keystroke in a field). */
const keptValueKeys = 8;
/** Columns that sort by entry fields, not front matter: no key cache needed. */
const fileColumns = new Set(['path', 'size', 'mtimeMs']);
/** Shown columns whose sort keys are derived as entries arrive (the oldest noted is dropped first). */
const primedColumnLimit = 12;

/**
 * The list's data and queries over one folder's entries: the search index, one sorted order per
 * sort key (so a keystroke filters an already-sorted array instead of sorting 50,000 items
 * again), facet counts, rows and value suggestions. Lives where the entries are built (the index
 * worker, or the main thread in the fallback), so entries are never copied to another thread.
 */
export class ListEngine {
  private search = this.createSearch();
  private readonly byPath = new Map<string, IndexEntry>();
  private readonly sortedCache = new Map<string, IndexEntry[]>();
  private facetKeys: string[] | null = null;
  /** How many entries there were when the facet keys were last detected. */
  private facetKeysSize = 0;
  /** Entries changed since the facet keys were detected (see `update` and `refreshFacetKeys`). */
  private facetKeysStale = false;
  private labelTable: FacetLabelTable | null = null;
  /** Items listed from the cache whose full entry is still loading (path, size and mtime only). */
  private readonly stubs = new Set<string>();
  private loadStub: ((path: string) => IndexEntry | null) | null = null;
  private readonly results = new Map<number, readonly IndexEntry[]>();
  private lastResultId = 0;
  /**
   * Sort keys per front matter column, per entry: entries keep their front matter as JSON, so a
   * column's keys are derived once (when first sorted by, then as entries arrive) instead of
   * parsing 50,000 entries on every re-sort. Weak: a replaced entry gets a fresh key.
   */
  private readonly sortKeys = new Map<string, WeakMap<IndexEntry, SortKey>>();
  /** Every value of a key with its item count, for `values` (any prefix), until the entries change. */
  private readonly valueCounts = new Map<string, ReadonlyMap<string, number>>();

  /** Number of entries. */
  get size(): number {
    return this.byPath.size;
  }

  /** Forgets every entry (a new folder). */
  clear(): void {
    this.search = this.createSearch();
    this.byPath.clear();
    this.stubs.clear();
    this.labelTable = null;
    this.results.clear();
    this.invalidate();
    this.facetKeysSize = 0;
  }

  /** Reads one stub's full entry while a reopen loads the cache in the background (for rows on screen). */
  setStubLoader(load: ((path: string) => IndexEntry | null) | null): void {
    this.loadStub = load;
  }

  /**
   * Adds scanned entries (plain, or prepared where they were parsed) and stubs; returns the paths
   * new to the list (an entry replacing its stub is not new). Stubs are listed and sorted by path
   * but not searchable until their entry arrives. Facet keys are settled on a sample: while a scan
   * streams in, they are detected again only when the list has doubled.
   */
  addScanned(entries: readonly (IndexEntry | PreparedEntry)[], stubs: readonly IndexEntry[] = []): string[] {
    const added: string[] = [];
    for (const stub of stubs) {
      if (!this.byPath.has(stub.path)) added.push(stub.path);
      this.byPath.set(stub.path, stub);
      this.stubs.add(stub.path);
    }
    for (const entry of entries) {
      if (!this.byPath.has(entry.path)) added.push(entry.path);
      this.upsert(entry);
    }
    this.sortedCache.clear();
    this.valueCounts.clear();
    if (this.byPath.size >= this.facetKeysSize * 2 && this.stubs.size === 0) this.facetKeys = null;
    return added;
  }

  /** Applies an incremental update. */
  update(updated: readonly IndexEntry[], removed: readonly string[]): void {
    for (const entry of updated) this.upsert(entry);
    for (const path of removed) {
      const old = this.byPath.get(path);
      if (old !== undefined) this.labelTable?.forget(old);
      this.byPath.delete(path);
      this.stubs.delete(path);
      this.search.remove(path);
    }
    if (this.labelTable?.wasteful === true) this.labelTable.compact(this.byPath.values());
    this.sortedCache.clear();
    this.valueCounts.clear();
    // Facet keys are a folder-wide statistic that a few changed items barely move, and detecting
    // them is a pass over every entry (~130 ms at 50,000) that the next keystroke's query would
    // wait behind (every save and watcher batch did this). Counts stay exact; the keys themselves
    // are detected again once changes settle (`refreshFacetKeys`).
    if (this.facetKeys !== null) this.facetKeysStale = true;
  }

  /** Detects the facet keys again if entries changed since; for a quiet moment. True if it did. */
  refreshFacetKeys(): boolean {
    if (!this.facetKeysStale) return false;
    this.facetKeysStale = false;
    const all = this.sorted(null);
    this.facetKeys = detectFacetKeys(all, {}, entryFacetCandidates);
    this.facetKeysSize = all.length;
    return true;
  }

  /** Drops derived data at the end of a scan, so facets are detected over the whole folder. */
  invalidate(): void {
    this.sortedCache.clear();
    this.valueCounts.clear();
    this.facetKeys = null;
    this.facetKeysStale = false;
  }

  /**
   * Builds what the first keystroke after a scan would otherwise build (the path order, the
   * sorted word list of the search index), so it runs while the curator is still reading the list.
   */
  prepare(): void {
    const all = this.sorted(null);
    this.search.prepare();
    // The first keystrokes after a scan ran cold code over the whole folder: a one-letter prefix
    // took 60-110 ms at 50,000 items, ~5 ms once V8 had optimized the loops. One search with the
    // costliest one-letter prefix (its scores stay cached, should that letter come first) and the
    // rows of the first window ready both while the curator is still reading the list.
    const initial = this.search.busiestInitial();
    if (initial !== null) this.search.rankByScore(all, initial);
    // The facet keys are detected again over the whole folder (see `invalidate`): now, rather than
    // in the facet counts the list asks for just after, which the first keystrokes then queued behind.
    this.facetTable({});
    this.rows(
      all.slice(0, defaultWindowCount).map((entry) => entry.path),
      [...this.sortKeys.keys()],
    );
  }

  /** The entry or stub held at a path, without reading a stub's full entry. */
  peek(path: string): IndexEntry | undefined {
    return this.byPath.get(path);
  }

  /** Every path held. */
  paths(): IterableIterator<string> {
    return this.byPath.keys();
  }

  /** The entry at a path (a stub's full entry is read from the cache). */
  get(path: string): IndexEntry | undefined {
    const entry = this.byPath.get(path);
    if (entry === undefined || !this.stubs.has(path)) return entry;
    return this.loadStub?.(path) ?? entry;
  }

  /** The entry at a path as a plain object of its own, for a caller that keeps or posts it. */
  entry(path: string): IndexEntry | undefined {
    const entry = this.get(path);
    return entry === undefined ? undefined : plainEntry(entry);
  }

  /** Every entry as plain objects (stubs read in full: folder-wide work only). */
  entries(): IndexEntry[] {
    return [...this.byPath.keys()].map((path) => plainEntry(this.get(path) as IndexEntry));
  }

  /** The values at a few field paths for every entry (`getPathValue` semantics): folder-wide reads without copying entries. */
  fieldValues(paths: readonly string[]): { path: string; values: unknown[] }[] {
    const out: { path: string; values: unknown[] }[] = [];
    for (const path of this.byPath.keys()) {
      const entry = this.get(path);
      if (entry !== undefined) out.push({ path, values: entryValuesAt(entry, paths) });
    }
    return out;
  }

  /**
   * Runs a query and returns one window of its ordered result (with rows when columns are given).
   * The whole ordered result stays here under `resultId` for `slice`: a keystroke at 50,000 items
   * then moves a hundred paths between threads, not every matching one.
   */
  query(request: ListQueryRequest): ListEngineResult {
    if (request.columns !== undefined) this.noteColumns(request.columns);
    const text = request.text.trim();
    const facets = request.facets;
    let ordered: readonly IndexEntry[];
    const filtered = Object.values(facets).some((values) => values.length > 0);
    // Each step makes a new array only when it drops or reorders entries: at 50,000 items a copy
    // is 200 KB of old-space garbage per keystroke, which brings the next major GC of this heap closer.
    if (text !== '' && request.sort === null) {
      // Relevance order (title hits before description before body), path order within a score.
      const ranked = this.search.rankByScore(this.sorted(null), text);
      ordered = filtered ? this.search.filter(ranked, { facets }) : ranked;
    } else if (text === '' && !filtered) {
      // Kept results are never mutated, so the cached order itself can be one.
      ordered = this.sorted(request.sort);
    } else {
      ordered = this.search.filter(this.sorted(request.sort), { facets, text });
    }
    const resultId = ++this.lastResultId;
    this.results.set(resultId, ordered);
    for (const id of this.results.keys()) {
      if (this.results.size <= keptResults) break;
      this.results.delete(id);
    }
    const window = request.window ?? { start: 0, count: defaultWindowCount };
    const slice = this.window(ordered, window.start, window.count, request.columns);
    return { total: this.byPath.size, count: ordered.length, resultId, start: slice.start, paths: slice.paths, rows: slice.rows };
  }

  /** Paths (and rows, with columns) `start..start+count` of a kept result. */
  slice(resultId: number, start: number, count: number, columns?: readonly string[]): ListEngineSlice {
    const ordered = this.results.get(resultId);
    if (ordered === undefined) return { found: false, start, paths: [], rows: [] };
    if (columns !== undefined) this.noteColumns(columns);
    return { found: true, ...this.window(ordered, start, count, columns) };
  }

  /** Every folder holding an item ('' for the root), sorted. */
  folders(): string[] {
    const folders = new Set<string>();
    for (const path of this.byPath.keys()) folders.add(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
    return [...folders].sort();
  }

  /** Facet counts for a text and selection, asked after the list so a keystroke never waits for them. */
  facets(text: string, selection: FacetSelection): FacetDto[] {
    return this.facetCountsFor(text.trim(), selection);
  }

  private window(ordered: readonly IndexEntry[], from: number, count: number, columns: readonly string[] | undefined): { start: number; paths: string[]; rows: ListRow[] } {
    const start = Math.max(0, Math.min(from, ordered.length));
    const paths = ordered.slice(start, start + count).map((e) => e.path);
    return { start, paths, rows: columns === undefined ? [] : this.rows(paths, columns) };
  }

  /** Rows for the visible window with the parser's problem counts; unknown paths are left out. */
  rows(paths: readonly string[], columns: readonly string[]): ListRow[] {
    const rows: ListRow[] = [];
    for (const path of paths) {
      const entry = this.get(path);
      if (!entry) continue;
      const cells: Record<string, ReturnType<typeof toCellValue>> = {};
      // The columns' values alone, not the whole front matter rebuilt (hundreds of objects an item,
      // kept a while by the stored entries' cache): every keystroke reads a window of ~90 rows, and
      // that garbage outliving a scavenge made this heap's minor GCs take 3-7 ms every few keys.
      const values = columns.length === 0 ? [] : entryValuesAt(entry, columns);
      columns.forEach((column, i) => {
        cells[column] = toCellValue(values[i]);
      });
      const readOnly = entry.mode === 'text' ? undefined : entry.mode;
      rows.push({ path, title: entryTitle(entry), cells, problems: entry.problemCounts, ...(readOnly ? { readOnly } : {}) });
    }
    return rows;
  }

  /** Fuzzy matches by title or path for Ctrl/Cmd+P. */
  quickOpen(query: string): QuickOpenItem[] {
    return this.search.quickOpen(query).map((hit) => ({ path: hit.entry.path, title: entryTitle(hit.entry), field: hit.field, positions: hit.positions }));
  }

  /**
   * The values used for a key across the folder with how many items use each, most used first,
   * for the form's suggestions. `prefix` filters case-insensitively; a key may pass through lists
   * of objects without an index (`relatedOfferings.categories`), which then counts every element.
   */
  values(key: string, prefix: string, limit = 50): ListValueDto[] {
    const wanted = prefix.toLocaleLowerCase();
    const values: ListValueDto[] = [];
    for (const [value, count] of this.valueCountsOf(key)) if (value.toLocaleLowerCase().startsWith(wanted)) values.push({ value, count });
    return values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, limit);
  }

  /** Every label of a key with how many items use it, counted once per key until the entries change. */
  private valueCountsOf(key: string): ReadonlyMap<string, number> {
    const kept = this.valueCounts.get(key);
    if (kept !== undefined) return kept;
    const counts = new Map<string, number>();
    const segments = parseFieldPath(key);
    for (const entry of this.byPath.values()) {
      const seen = new Set<string>();
      const visit = (value: unknown, from: number): void => {
        if (from === segments.length) {
          forEachFacetValue(value, (label) => {
            if (label !== EMPTY_FACET_VALUE) seen.add(label);
          });
        } else if (Array.isArray(value) && typeof segments[from] !== 'number') {
          for (const element of value) visit(element, from);
        } else {
          visit(getPathValue(value, [segments[from] as string | number]), from + 1);
        }
      };
      visit(entry.frontmatter, 0);
      for (const label of seen) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    if (this.valueCounts.size >= keptValueKeys) this.valueCounts.delete(this.valueCounts.keys().next().value as string);
    this.valueCounts.set(key, counts);
    return counts;
  }

  private upsert(entry: IndexEntry | PreparedEntry): void {
    // The engine keeps a slim copy; what it derives from the front matter is derived now, for the
    // columns sorted by and the facet keys in use (from the packed values: one short parse).
    const prepared = isPreparedEntry(entry) ? entry : prepareEntry(entry);
    const stored = new StoredEntry(prepared);
    if (this.sortKeys.size > 0) {
      const columns = [...this.sortKeys.keys()];
      const values = stored.valuesAt(columns);
      columns.forEach((column, i) => {
        const key = toSortKey(values[i]);
        this.sortKeys.get(column)?.set(stored, key.str === '' ? key : { ...key, str: flatString(key.str) });
      });
    }
    const old = this.byPath.get(entry.path);
    if (old !== undefined) this.labelTable?.forget(old);
    this.labelTable?.prime(stored);
    this.stubs.delete(entry.path);
    this.byPath.set(entry.path, stored);
    // The stored copy keeps no text: the search index keeps the words as postings.
    this.search.upsertWords(stored, prepared.words);
    this.valueCounts.clear();
  }

  private sorted(sort: ListQueryRequest['sort']): IndexEntry[] {
    const key = sort ? `${sort.direction}:${sort.column}` : 'path';
    let sorted = this.sortedCache.get(key);
    if (!sorted) {
      const all = [...this.byPath.values()];
      const keys = sort ? this.sortKeysOf(sort.column) : undefined;
      if (sort && keys) {
        // Keys missing (a column first sorted by) come from the packed values, not full unpacks.
        for (const entry of all) if (!keys.has(entry)) keys.set(entry, toSortKey(entryValuesAt(entry, [sort.column])[0]));
      }
      sorted = sort ? sortEntries(all, sort.column, sort.direction, keys) : all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      this.sortedCache.set(key, sorted);
    }
    return sorted;
  }

  /**
   * Remembers shown columns so their sort keys are derived while each entry's parsed front matter
   * is at hand: a click on a column header then sorts without parsing every entry first.
   */
  private noteColumns(columns: readonly string[]): void {
    for (const column of columns) {
      if (this.sortKeys.has(column) || fileColumns.has(column)) continue;
      if (this.sortKeys.size >= primedColumnLimit) this.sortKeys.delete(this.sortKeys.keys().next().value as string);
      this.sortKeysOf(column);
    }
  }

  /** A search index whose facet filters read labels from the facet table when it has them (no front matter parse). */
  private createSearch(): SearchIndex {
    const search = new SearchIndex();
    search.setFacetLabelSource((entry, key) => this.labelTable?.labelsOf(entry, key));
    return search;
  }

  private sortKeysOf(column: string): WeakMap<IndexEntry, SortKey> | undefined {
    if (fileColumns.has(column)) return undefined;
    let keys = this.sortKeys.get(column);
    if (keys === undefined) {
      keys = new WeakMap();
      this.sortKeys.set(column, keys);
    }
    return keys;
  }

  /**
   * The facet label table for the detected keys plus those of a selection, detecting the keys
   * first if they are not known (a pass over a sample of the folder).
   */
  private facetTable(selection: FacetSelection): FacetLabelTable {
    if (this.facetKeys === null) {
      const all = this.sorted(null);
      this.facetKeys = detectFacetKeys(all, {}, entryFacetCandidates);
      this.facetKeysSize = all.length;
    }
    const keys = [...new Set([...this.facetKeys, ...Object.keys(selection)])];
    // The label table lives as long as its key set: keys detected again (the scan doubled the
    // list, or ended) usually come out the same, and then only entries new since are read. A
    // different set (new keys, or a selection on a key that is not a detected facet) reads anew.
    if (this.labelTable?.keys.join('\n') !== keys.join('\n')) this.labelTable = new FacetLabelTable(keys);
    return this.labelTable;
  }

  /**
   * Counts per facet key among the items matching the text and every OTHER facet, so choosing a
   * value in one facet still shows what the alternatives in that facet would give. Keys without a
   * selection share one filtered set, and each entry's facet labels are extracted once, so a
   * keystroke costs one or two passes over the list, not one per key.
   */
  private facetCountsFor(text: string, selection: FacetSelection): FacetDto[] {
    const all = this.sorted(null);
    const table = this.facetTable(selection);
    const keys = table.keys;
    const selectedKeys = new Set(Object.keys(selection));
    const unselected = keys.filter((k) => !selectedKeys.has(k));
    const results = new Map<string, FacetDto>();
    if (unselected.length > 0) {
      const matching = this.search.filter(all, { facets: selection, text });
      for (const facet of table.count(matching, unselected, maxFacetValues)) results.set(facet.key, facet);
    }
    for (const key of selectedKeys) {
      const others = Object.fromEntries(Object.entries(selection).filter(([k]) => k !== key));
      const [facet] = table.count(this.search.filter(all, { facets: others, text }), [key], maxFacetValues);
      if (facet) results.set(key, facet);
    }
    return keys.flatMap((k) => results.get(k) ?? []);
  }
}
