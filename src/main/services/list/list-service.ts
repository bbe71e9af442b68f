import type {
  FacetDto,
  GitBadgeDto,
  IndexProgressDto,
  ListQueryRequest,
  ListQueryResult,
  ListRow,
  ListValueDto,
  ProblemCountsDto,
  QuickOpenItem,
} from '../../../shared/contract';
import { detectFacetKeys, EMPTY_FACET_VALUE, forEachFacetValue, getPathValue, SearchIndex, sortEntries, type FacetSelection, type IndexEntry } from '../../../shared/domain/search';
import { parseFieldPath } from '../../../shared/domain/frontmatter/field-path';
import type { EventSink } from '../../ipc/event-sink';
import type { IndexEvent, IndexService } from '../index/index-service';
import { toCellValue } from './to-cell-value';

/** How many values of one facet the list shows; the long tail stays searchable. */
const maxFacetValues = 40;
/** Progress events at most this often while a scan streams in. */
const progressIntervalMs = 100;

function mergeCounts(parser: ProblemCountsDto, validation: ProblemCountsDto | undefined): ProblemCountsDto {
  if (validation === undefined) return parser;
  return { error: Math.max(parser.error, validation.error), warning: Math.max(parser.warning, validation.warning), info: Math.max(parser.info, validation.info) };
}

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
  /** How many entries there were when the facet keys were last detected. */
  private facetKeysSize = 0;
  private facetLabels = new WeakMap<IndexEntry, readonly (readonly string[])[]>();
  private progress: IndexProgressDto = { done: 0, total: 0, scanning: false };
  private lastProgressAt = 0;
  private unsubscribe: (() => void) | null = null;
  /** Git state of changed items, replaced whole after each git status refresh. */
  private gitBadges: ReadonlyMap<string, GitBadgeDto> = new Map();
  private problemCountsOf: (path: string) => ProblemCountsDto | undefined = () => undefined;

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

  /** Takes the badges of the latest git status (the git session calls this after each refresh). */
  setGitBadges(badges: ReadonlyMap<string, GitBadgeDto>): void {
    this.gitBadges = badges;
  }

  /**
   * Takes the folder validation's counts for the badges. They are merged with the index's parser
   * counts by the larger of each severity: the index may already hold a newer version of a file
   * than the last validation run, and a parse error must never vanish from the badge meanwhile.
   */
  setProblemCounts(source: (path: string) => ProblemCountsDto | undefined): void {
    this.problemCountsOf = source;
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
      const git = this.gitBadges.get(path);
      rows.push({ path, title: titleOf(entry), cells, problems: mergeCounts(entry.problemCounts, this.problemCountsOf(path)), ...(readOnly ? { readOnly } : {}), ...(git ? { git } : {}) });
    }
    return rows;
  }

  /** Fuzzy matches by title or path for Ctrl/Cmd+P. */
  quickOpen(query: string): QuickOpenItem[] {
    return this.search.quickOpen(query).map((hit) => ({ path: hit.entry.path, title: titleOf(hit.entry), field: hit.field, positions: hit.positions }));
  }

  /** Every indexed item (for folder-wide work such as schema inference). */
  entries(): IterableIterator<IndexEntry> {
    return this.byPath.values();
  }

  /** One indexed item, or undefined. */
  entry(path: string): IndexEntry | undefined {
    return this.byPath.get(path);
  }

  /**
   * The values used for a key across the folder with how many items use each, most used first,
   * for the form's suggestions. `prefix` filters case-insensitively; a key may pass through lists
   * of objects without an index (`relatedOfferings.categories`), which then counts every element.
   */
  values(key: string, prefix: string, limit = 50): ListValueDto[] {
    const counts = new Map<string, number>();
    const wanted = prefix.toLocaleLowerCase();
    const segments = parseFieldPath(key);
    for (const entry of this.byPath.values()) {
      const seen = new Set<string>();
      const visit = (value: unknown, from: number): void => {
        if (from === segments.length) {
          forEachFacetValue(value, (label) => {
            if (label !== EMPTY_FACET_VALUE && label.toLocaleLowerCase().startsWith(wanted)) seen.add(label);
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
    return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, limit);
  }

  private onIndexEvent(event: IndexEvent): void {
    switch (event.kind) {
      case 'chunk': {
        for (const entry of event.entries) this.upsert(entry);
        this.sortedCache.clear();
        // Which keys make good facets is settled by a sample; while a scan streams in, look again
        // only when the list has doubled, not on every chunk.
        if (this.byPath.size >= this.facetKeysSize * 2) this.facetKeys = null;
        this.progress = { ...event.progress, scanning: true };
        const now = Date.now();
        if (now - this.lastProgressAt >= progressIntervalMs) {
          this.lastProgressAt = now;
          this.events.emit('index:progress', this.progress);
        }
        return;
      }
      case 'ready':
        this.invalidate();
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
   * value in one facet still shows what the alternatives in that facet would give. Keys without a
   * selection share one filtered set, and each entry's facet labels are extracted once, so a
   * keystroke costs one or two passes over the list, not one per key.
   */
  private facetCountsFor(text: string, selection: FacetSelection): FacetDto[] {
    const all = this.sorted(null);
    if (this.facetKeys === null) {
      this.facetKeys = detectFacetKeys(all);
      this.facetKeysSize = all.length;
      this.facetLabels = new WeakMap();
    }
    const keys = [...new Set([...this.facetKeys, ...Object.keys(selection)])];
    const selectedKeys = new Set(Object.keys(selection));
    const unselected = keys.filter((k) => !selectedKeys.has(k));
    const results = new Map<string, FacetDto>();
    if (unselected.length > 0) {
      const matching = this.search.filter(all, { facets: selection, text });
      for (const facet of this.countLabels(matching, unselected, keys)) results.set(facet.key, facet);
    }
    for (const key of selectedKeys) {
      const others = Object.fromEntries(Object.entries(selection).filter(([k]) => k !== key));
      const [facet] = this.countLabels(this.search.filter(all, { facets: others, text }), [key], keys);
      if (facet) results.set(key, facet);
    }
    return keys.flatMap((k) => results.get(k) ?? []);
  }

  /** Counts the labels of `wanted` keys over entries, from each entry's cached labels. */
  private countLabels(entries: readonly IndexEntry[], wanted: readonly string[], keys: readonly string[]): FacetDto[] {
    const positions = wanted.map((k) => keys.indexOf(k));
    const counts = wanted.map(() => new Map<string, number>());
    for (const entry of entries) {
      const labels = this.labelsOf(entry, keys);
      positions.forEach((position, i) => {
        const map = counts[i] as Map<string, number>;
        for (const label of labels[position] ?? []) map.set(label, (map.get(label) ?? 0) + 1);
      });
    }
    return wanted.map((key, i) => {
      const values = [...(counts[i] as Map<string, number>)].map(([value, count]) => ({ value, count }));
      values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      return { key, values: values.slice(0, maxFacetValues) };
    });
  }

  /** One entry's distinct facet labels per key, computed once per entry and key set. */
  private labelsOf(entry: IndexEntry, keys: readonly string[]): readonly (readonly string[])[] {
    let labels = this.facetLabels.get(entry);
    if (labels?.length !== keys.length) {
      labels = keys.map((key) => {
        const seen = new Set<string>();
        forEachFacetValue(getPathValue(entry.frontmatter, key), (label) => seen.add(label));
        return [...seen];
      });
      this.facetLabels.set(entry, labels);
    }
    return labels;
  }
}
