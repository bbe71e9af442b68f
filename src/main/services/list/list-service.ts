import type {
  FacetDto,
  IndexProgressDto,
  ListQueryRequest,
  ListQueryResult,
  ListRow,
  QuickOpenItem,
} from '../../../shared/contract';
import { detectFacetKeys, facetCounts, getPathValue, SearchIndex, sortEntries, type FacetSelection, type IndexEntry } from '../../../shared/domain/search';
import type { EventSink } from '../../ipc/event-sink';
import type { IndexEvent, IndexService } from '../index/index-service';
import { toCellValue } from './to-cell-value';

/** How many values of one facet the list shows; the long tail stays searchable. */
const maxFacetValues = 40;
/** Progress events at most this often while a scan streams in. */
const progressIntervalMs = 100;

function titleOf(entry: IndexEntry): string | null {
  const title = entry.frontmatter?.['title'];
  return typeof title === 'string' ? title : typeof title === 'number' ? String(title) : null;
}

/**
 * Answers the list's questions about the indexed folder: which items match the search and facets,
 * in which order, with what facet counts, and what the visible rows contain. Keeps a search index
 * and one sorted order per sort key, so a keystroke filters an already-sorted array instead of
 * sorting 50,000 items again.
 */
export class ListService {
  private search = new SearchIndex();
  private readonly byPath = new Map<string, IndexEntry>();
  private readonly sortedCache = new Map<string, IndexEntry[]>();
  private facetKeys: string[] | null = null;
  private progress: IndexProgressDto = { done: 0, total: 0, scanning: false };
  private lastProgressAt = 0;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly index: IndexService,
    private readonly events: EventSink,
  ) {}

  boot(): Promise<void> {
    this.unsubscribe = this.index.onEvent((event) => this.onIndexEvent(event));
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    return Promise.resolve();
  }

  /** Forgets the previous folder; called before a new one is scanned. */
  reset(): void {
    this.search = new SearchIndex();
    this.byPath.clear();
    this.invalidate();
    this.progress = { done: 0, total: 0, scanning: true };
  }

  /** The matching paths in display order, with facet counts and scan progress. */
  query(request: ListQueryRequest): ListQueryResult {
    const text = request.text.trim();
    const facets = request.facets;
    let ordered: IndexEntry[];
    if (text !== '' && request.sort === null) {
      // Relevance order: title hits before description before body.
      ordered = this.search.filter(
        this.search.search(text).map((hit) => hit.entry),
        { facets },
      );
    } else {
      ordered = this.search.filter(this.sorted(request.sort), { facets, text });
    }
    return { total: this.byPath.size, paths: ordered.map((e) => e.path), facets: this.facetCountsFor(text, facets), progress: this.progress };
  }

  /** The rows for the visible window; unknown paths (deleted meanwhile) are left out. */
  rows(paths: readonly string[], columns: readonly string[]): ListRow[] {
    const rows: ListRow[] = [];
    for (const path of paths) {
      const entry = this.byPath.get(path);
      if (!entry) continue;
      const cells: Record<string, ReturnType<typeof toCellValue>> = {};
      for (const column of columns) cells[column] = toCellValue(getPathValue(entry.frontmatter, column));
      const readOnly = entry.mode === 'text' ? undefined : entry.mode;
      rows.push({ path, title: titleOf(entry), cells, problems: entry.problemCounts, ...(readOnly ? { readOnly } : {}) });
    }
    return rows;
  }

  /** Fuzzy matches by title or path for Ctrl/Cmd+P. */
  quickOpen(query: string): QuickOpenItem[] {
    return this.search.quickOpen(query).map((hit) => ({ path: hit.entry.path, title: titleOf(hit.entry), field: hit.field, positions: hit.positions }));
  }

  private onIndexEvent(event: IndexEvent): void {
    switch (event.kind) {
      case 'chunk': {
        for (const entry of event.entries) this.upsert(entry);
        this.invalidate();
        this.progress = { ...event.progress, scanning: true };
        const now = Date.now();
        if (now - this.lastProgressAt >= progressIntervalMs) {
          this.lastProgressAt = now;
          this.events.emit('index:progress', this.progress);
        }
        return;
      }
      case 'ready':
        this.progress = { done: event.stats.total, total: event.stats.total, scanning: false };
        this.events.emit('index:progress', this.progress);
        return;
      case 'changed':
        for (const entry of event.updated) this.upsert(entry);
        for (const path of event.removed) {
          this.byPath.delete(path);
          this.search.remove(path);
        }
        this.invalidate();
        return;
    }
  }

  private upsert(entry: IndexEntry): void {
    this.byPath.set(entry.path, entry);
    this.search.upsert(entry);
  }

  private invalidate(): void {
    this.sortedCache.clear();
    this.facetKeys = null;
  }

  private sorted(sort: ListQueryRequest['sort']): IndexEntry[] {
    const key = sort ? `${sort.direction}:${sort.column}` : 'path';
    let sorted = this.sortedCache.get(key);
    if (!sorted) {
      const all = [...this.byPath.values()];
      sorted = sort ? sortEntries(all, sort.column, sort.direction) : all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      this.sortedCache.set(key, sorted);
    }
    return sorted;
  }

  /**
   * Counts per facet key among the items matching the text and every OTHER facet, so choosing a
   * value in one facet still shows what the alternatives in that facet would give.
   */
  private facetCountsFor(text: string, selection: FacetSelection): FacetDto[] {
    const all = this.sorted(null);
    this.facetKeys ??= detectFacetKeys(all);
    const keys = [...new Set([...this.facetKeys, ...Object.keys(selection)])];
    return keys.map((key) => {
      const others = Object.fromEntries(Object.entries(selection).filter(([k]) => k !== key));
      const matching = this.search.filter(all, { facets: others, text });
      const [counts] = facetCounts(matching, [key]);
      return { key, values: (counts?.values ?? []).slice(0, maxFacetValues) };
    });
  }
}
