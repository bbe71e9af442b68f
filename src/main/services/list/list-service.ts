import type { FacetDto, GitBadgeDto, IndexProgressDto, ListFacetsRequest, ListQueryRequest, ListQueryResult, ListRow, ListSliceRequest, ListSliceResult, ListValueDto, ProblemCountsDto, QuickOpenItem } from '../../../shared/contract';
import type { EventSink } from '../../ipc/event-sink';
import type { IndexEvent, IndexService } from '../index/index-service';

/** Progress events at most this often while a scan streams in. */
const progressIntervalMs = 100;

function mergeCounts(parser: ProblemCountsDto, validation: ProblemCountsDto | undefined): ProblemCountsDto {
  if (validation === undefined) return parser;
  return { error: Math.max(parser.error, validation.error), warning: Math.max(parser.warning, validation.warning), info: Math.max(parser.info, validation.info) };
}

/**
 * Answers the list's questions about the indexed folder. The entries, the search index and the
 * sorted orders live with the index (its worker, see `ListEngine`); this service forwards the
 * questions, adds the scan progress, and merges the main process's own knowledge into rows: git
 * badges and the folder validation's problem counts.
 */
export class ListService {
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

  /** Forgets the previous folder's progress; called before a new one is scanned. */
  reset(): void {
    this.progress = { done: 0, total: 0, scanning: true };
  }

  /** One window of the matching paths in display order (with its rows), the match count and scan progress. */
  async query(request: ListQueryRequest): Promise<ListQueryResult> {
    const result = await this.index.call('query', request);
    return { ...result, rows: this.withBadges(result.rows), progress: this.progress };
  }

  /** A further window of a query's result by index; `found` false once the index dropped it. */
  async slice(request: ListSliceRequest): Promise<ListSliceResult> {
    const result = await this.index.call('slice', request.resultId, request.start, request.count, request.columns);
    return { ...result, rows: this.withBadges(result.rows) };
  }

  /** The folders that hold items, sorted (the new-item dialog's suggestions). */
  folders(): Promise<string[]> {
    return this.index.call('folders');
  }

  /** Facet counts for a query's text and selection (see `ListEngine.facets`). */
  facets(request: ListFacetsRequest): Promise<FacetDto[]> {
    return this.index.call('facets', request.text, request.facets);
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
  async rows(paths: readonly string[], columns: readonly string[]): Promise<ListRow[]> {
    return this.withBadges(await this.index.call('rows', paths, columns));
  }

  private withBadges(rows: readonly ListRow[]): ListRow[] {
    return rows.map((row) => {
      const git = this.gitBadges.get(row.path);
      return { ...row, problems: mergeCounts(row.problems, this.problemCountsOf(row.path)), ...(git ? { git } : {}) };
    });
  }

  /** Fuzzy matches by title or path for Ctrl/Cmd+P. */
  quickOpen(query: string): Promise<QuickOpenItem[]> {
    return this.index.call('quickOpen', query);
  }


  /**
   * The values used for a key across the folder with how many items use each, most used first,
   * for the form's suggestions (see `ListEngine.values`).
   */
  values(key: string, prefix: string, limit = 50): Promise<ListValueDto[]> {
    return this.index.call('values', key, prefix, limit);
  }

  private onIndexEvent(event: IndexEvent): void {
    switch (event.kind) {
      case 'chunk': {
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
        return;
    }
  }
}
