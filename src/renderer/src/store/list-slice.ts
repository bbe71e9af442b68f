import type { StateCreator } from 'zustand';
import type { FacetDto, IndexProgressDto, ListQueryRequest, ListRow } from '../../../shared/contract';
import { api } from '../ipc/api';
import type { FolioState } from './index';
import { defaultListView, loadListView, saveListView } from './list-view-settings';

/** The list: the query, its result (a window of paths in order), fetched rows, and the multi-selection. */
export interface ListSlice {
  searchText: string;
  facetSelection: Readonly<Record<string, readonly string[]>>;
  sort: ListQueryRequest['sort'];
  columns: readonly string[];
  columnWidths: Readonly<Record<string, number>>;
  /**
   * The matching paths by index: a sparse array whose length is the match count, filled in
   * windows as the list scrolls (a keystroke brings only the visible window). Read it through
   * `pathAt` and `indexOfPath`; a hole is a path not fetched yet (`loadPaths` fetches a range).
   */
  paths: readonly (string | undefined)[];
  /** Names the query result `paths` belongs to, for fetching further windows of it. */
  resultId: number;
  total: number;
  facets: readonly FacetDto[];
  progress: IndexProgressDto;
  listError: string | null;
  /** False until the first answer for the open folder: the list is loading, not empty. */
  listLoaded: boolean;
  /** Rows fetched so far for the current layout, by path. */
  rows: ReadonlyMap<string, ListRow>;
  /** Paths in the multi-selection (for bulk actions); the open item is `selectedPath`. */
  selection: ReadonlySet<string>;
  selectionAnchor: string | null;

  restoreListView: (root: string) => void;
  refreshList: () => Promise<void>;
  setSearchText: (text: string) => void;
  toggleFacet: (key: string, value: string) => void;
  clearFacets: () => void;
  cycleSort: (column: string) => void;
  addColumn: (column: string) => void;
  removeColumn: (column: string) => void;
  setColumnWidth: (column: string, width: number) => void;
  ensureRows: (paths: readonly string[]) => Promise<void>;
  /** Fetches whatever the rows `first..last` (the visible window) still lack: paths, then rows. */
  ensureWindow: (first: number, last: number) => Promise<void>;
  /** The path at an index of the list, if fetched. */
  pathAt: (index: number) => string | undefined;
  /** The index of a fetched path in the list, or -1. */
  indexOfPath: (path: string) => number;
  /** The paths `start..end` (inclusive), fetching the missing ones; null when the list changed meanwhile. */
  loadPaths: (start: number, end: number) => Promise<readonly string[] | null>;
  forgetRows: (paths: readonly string[]) => void;
  /**
   * An item was saved: shows `row`, the item's row as main indexed it after the save (null or
   * undefined: not known, fetched again instead), then asks the list again, after that frame.
   */
  showSavedRow: (path: string, row: ListRow | null | undefined, columns: readonly string[]) => void;
  /**
   * Every cached row may be stale (validation's badges moved folder-wide): the visible rows are
   * fetched again and swapped in as they arrive, unchanged ones keeping their object; the rest
   * are dropped then, to be fetched when scrolled to.
   */
  refreshRows: () => Promise<void>;
  progressChanged: (progress: IndexProgressDto) => void;
  /** Click semantics of a desktop list: plain, shift (range) and ctrl/cmd (toggle). */
  selectItem: (path: string, mode: 'replace' | 'range' | 'toggle') => void;
  /** Moves the open item by `delta` rows (keyboard), optionally extending the selection. */
  moveSelection: (delta: number, extend: boolean) => void;
}

let querySequence = 0;
const pendingRows = new Set<string>();
/** Slices being fetched, by `resultId:start`, so a scroll does not ask twice. */
const pendingSlices = new Set<string>();
/** The rows on screen, as the table last reported them: a query asks for that window first. */
let visible = { first: 0, last: 40 };
/** Rows fetched beyond the visible ones on each side, so a small scroll needs no round trip. */
const windowMargin = 50;
/** Most paths one slice request carries (the contract's limit). */
const maxSlice = 2000;
/** Facet counts follow the list after this quiet time, so typing never waits behind them. */
const facetDelayMs = 120;
/** Rows kept across queries; past this the cache starts again from the current window. */
const maxCachedRows = 3000;
/**
 * ...but while a scan streams in (a refresh every 100 ms), at least this often. Only then: while
 * the curator types, a facet pass (a walk over every match: ~70 ms for a one-letter query at
 * 50,000 items, in the worker that answers the list) forced mid-word made the next keystroke wait
 * behind it; facets follow the first pause instead.
 */
const facetMaxWaitMs = 1000;
let facetTimer: ReturnType<typeof setTimeout> | null = null;
let facetWaitingSince = 0;

function windowAround(first: number, last: number): { start: number; count: number } {
  const start = Math.max(0, first - windowMargin);
  return { start, count: Math.min(maxSlice, last - start + 1 + windowMargin) };
}

/** A copy of `paths` with `part` written from `start` (holes stay holes). */
function withSlice(paths: readonly (string | undefined)[], start: number, part: readonly string[]): (string | undefined)[] {
  const next = paths.slice();
  part.forEach((p, i) => {
    if (start + i < next.length) next[start + i] = p;
  });
  return next;
}

function withRows(rows: ReadonlyMap<string, ListRow>, fetched: readonly ListRow[]): Map<string, ListRow> {
  const next = rows.size > maxCachedRows ? new Map<string, ListRow>() : new Map(rows);
  for (const row of fetched) next.set(row.path, row);
  return next;
}

/** Runs `task` once the next frame is painted; in a hidden window (no frames) a moment later all the same. */
function afterNextPaint(task: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    task();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 250);
}

// One progress-driven refresh at a time: the index answers queries on the thread that scans, so
// queries queued every 100 ms would slow the scan they report on. The newest progress still wins.
let progressRefresh: Promise<void> | null = null;
let progressAgain = false;

export const createListSlice: StateCreator<FolioState, [], [], ListSlice> = (set, get) => {
  const persist = () => {
    const { workspace, columns, columnWidths, sort } = get();
    if (workspace) saveListView(workspace.root, { columns, widths: columnWidths, sort });
  };

  return {
    searchText: '',
    facetSelection: {},
    sort: defaultListView.sort,
    columns: defaultListView.columns,
    columnWidths: defaultListView.widths,
    paths: [],
    resultId: 0,
    total: 0,
    facets: [],
    progress: { done: 0, total: 0, scanning: false },
    listError: null,
    listLoaded: false,
    rows: new Map(),
    selection: new Set(),
    selectionAnchor: null,

    restoreListView: (root) => {
      const view = loadListView(root);
      set({ columns: view.columns, columnWidths: view.widths, sort: view.sort, searchText: '', facetSelection: {}, rows: new Map(), selection: new Set(), selectionAnchor: null, paths: [], resultId: 0, facets: [], listLoaded: false });
    },

    refreshList: async () => {
      const sequence = ++querySequence;
      const started = performance.now();
      const { searchText, facetSelection, sort, columns } = get();
      const window = windowAround(visible.first, visible.last);
      const result = await api['list:query']({ text: searchText, facets: facetSelection, sort, window, columns });
      // Keystrokes overtake each other: only the newest query may update the list.
      if (sequence !== querySequence) return;
      if (!result.ok) return set({ listError: result.error.message });
      const { count, total, resultId, start, progress } = result.value;
      if (!get().listLoaded) performance.measure('folio:first-list-query', { start: started });
      const rows = get().columns === columns ? withRows(get().rows, result.value.rows) : get().rows;
      set({ paths: withSlice(new Array<string | undefined>(count), start, result.value.paths), resultId, total, progress, rows, listError: null, listLoaded: true });
      // Query to painted list, read by `npm run bench` (docs/performance.md: UI timings from marks).
      requestAnimationFrame(() => performance.measure('folio:list-updated', { start: started }));
      // Facet counts cost a pass over every match: they follow once typing pauses, for the query
      // current then.
      const now = performance.now();
      if (facetTimer !== null) {
        if (progress.scanning && now - facetWaitingSince >= facetMaxWaitMs) return;
        clearTimeout(facetTimer);
      } else {
        facetWaitingSince = now;
      }
      facetTimer = setTimeout(() => {
        facetTimer = null;
        const asked = get();
        void api['list:facets']({ text: asked.searchText, facets: asked.facetSelection }).then((facets) => {
          const current = get();
          if (facets.ok && current.searchText === asked.searchText && current.facetSelection === asked.facetSelection) set({ facets: facets.value });
        });
      }, facetDelayMs);
    },

    setSearchText: (text) => {
      set({ searchText: text });
      void get().refreshList();
    },

    toggleFacet: (key, value) => {
      const current = get().facetSelection[key] ?? [];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      const others = Object.entries(get().facetSelection).filter(([k]) => k !== key);
      set({ facetSelection: Object.fromEntries(next.length === 0 ? others : [...others, [key, next]]) });
      void get().refreshList();
    },

    clearFacets: () => {
      set({ facetSelection: {} });
      void get().refreshList();
    },

    cycleSort: (column) => {
      const sort = get().sort;
      // Ascending, then descending, then back to the folder's natural order.
      const next: ListQueryRequest['sort'] = sort?.column !== column ? { column, direction: 'asc' } : sort.direction === 'asc' ? { column, direction: 'desc' } : null;
      set({ sort: next });
      persist();
      void get().refreshList();
    },

    addColumn: (column) => {
      const trimmed = column.trim();
      if (trimmed === '' || get().columns.includes(trimmed)) return;
      set({ columns: [...get().columns, trimmed], rows: new Map() });
      persist();
    },

    removeColumn: (column) => {
      if (get().columns.length <= 1) return;
      set({ columns: get().columns.filter((c) => c !== column), rows: new Map() });
      persist();
    },

    setColumnWidth: (column, width) => {
      set({ columnWidths: { ...get().columnWidths, [column]: Math.max(60, Math.round(width)) } });
      persist();
    },

    ensureRows: async (paths) => {
      const { rows, columns } = get();
      const missing = paths.filter((p) => !rows.has(p) && !pendingRows.has(p));
      if (missing.length === 0) return;
      for (const p of missing) pendingRows.add(p);
      const result = await api['list:rows']({ paths: missing, columns });
      for (const p of missing) pendingRows.delete(p);
      if (!result.ok || get().columns !== columns) return;
      const next = new Map(get().rows);
      for (const row of result.value) next.set(row.path, row);
      set({ rows: next });
    },

    ensureWindow: async (first, last) => {
      visible = { first, last };
      const { paths, resultId, columns } = get();
      let lo = -1;
      let hi = -1;
      for (let i = first; i <= Math.min(last, paths.length - 1); i++) {
        if (paths[i] !== undefined) continue;
        if (lo < 0) lo = i;
        hi = i;
      }
      if (lo < 0) {
        const shown = paths.slice(Math.max(0, first), last + 1).filter((p): p is string => p !== undefined);
        return get().ensureRows(shown);
      }
      const window = windowAround(lo, hi);
      const key = `${resultId}:${window.start}`;
      if (pendingSlices.has(key)) return;
      pendingSlices.add(key);
      const result = await api['list:slice']({ resultId, ...window, columns });
      pendingSlices.delete(key);
      if (!result.ok || get().resultId !== resultId) return;
      // The index keeps a few results only: an old one is gone, so ask the query again.
      if (!result.value.found) return get().refreshList();
      set({ paths: withSlice(get().paths, result.value.start, result.value.paths), ...(get().columns === columns ? { rows: withRows(get().rows, result.value.rows) } : {}) });
    },

    pathAt: (index) => get().paths[index],

    indexOfPath: (path) => get().paths.indexOf(path),

    loadPaths: async (start, end) => {
      const { resultId } = get();
      for (let from = start; from <= end; from += maxSlice) {
        const part = get().paths.slice(from, Math.min(end, from + maxSlice - 1) + 1);
        if (part.length === Math.min(end, from + maxSlice - 1) - from + 1 && !part.includes(undefined)) continue;
        const result = await api['list:slice']({ resultId, start: from, count: Math.min(maxSlice, end - from + 1) });
        if (!result.ok || !result.value.found || get().resultId !== resultId) return null;
        set({ paths: withSlice(get().paths, result.value.start, result.value.paths) });
      }
      const range = get().paths.slice(start, end + 1);
      return range.every((p) => p !== undefined) ? range : null;
    },

    refreshRows: async () => {
      const { paths, columns, rows: before } = get();
      const shown = paths.slice(Math.max(0, visible.first), visible.last + 1).filter((p): p is string => p !== undefined);
      // Cleared first, the visible rows blanked and all re-rendered twice: once empty, once filled.
      const result = shown.length === 0 ? null : await api['list:rows']({ paths: shown, columns });
      if (get().columns !== columns) return;
      const now = get().rows;
      const next = new Map<string, ListRow>();
      // Rows fetched while this answer was on its way are newer than the event: kept.
      for (const [path, row] of now) if (before.get(path) !== row) next.set(path, row);
      if (result?.ok === true) {
        for (const row of result.value) {
          const old = before.get(row.path);
          // Forgotten meanwhile (a save, a change on disk): its own fetch follows.
          if (next.has(row.path) || (old !== undefined && !now.has(row.path))) continue;
          next.set(row.path, old !== undefined && JSON.stringify(old) === JSON.stringify(row) ? old : row);
        }
      }
      set({ rows: next });
    },

    forgetRows: (paths) => {
      const next = new Map(get().rows);
      for (const p of paths) next.delete(p);
      set({ rows: next });
    },

    showSavedRow: (path, row, columns) => {
      // The save's answer carries the row: it is painted with the saved document in one render.
      // Asking the list for it (or forgetting it, which fetched it by itself) cost a round trip
      // whose answer waited behind that render, then a second render and frame.
      if (row !== null && row !== undefined && row.path === path && get().columns === columns) set({ rows: withRows(get().rows, [row]) });
      else get().forgetRows([path]);
      // The save may also move the item (the sort) or take it out of the list (a filter or the
      // search text): the list is asked again, once the frame with the new row is on screen, so
      // that frame does not wait for the query and its render.
      afterNextPaint(() => void get().refreshList());
    },

    progressChanged: (progress) => {
      // The end of a scan is shown with the query that lists the whole folder, not before: until
      // then the list still holds a partial (or, at the very start, empty) result, and a status of
      // "0 items" or a partial count would read as the folder's size.
      if (progress.scanning) set({ progress });
      // Rows streamed in by the scan become visible as they arrive.
      if (progressRefresh !== null) {
        progressAgain = true;
        return;
      }
      const run = (): void => {
        progressRefresh = get()
          .refreshList()
          .finally(() => {
            progressRefresh = null;
            if (progressAgain) {
              progressAgain = false;
              run();
            }
          });
      };
      run();
    },

    selectItem: (path, mode) => {
      const { selection, selectionAnchor, indexOfPath, loadPaths } = get();
      if (mode === 'toggle') {
        const next = new Set(selection);
        if (next.has(path)) next.delete(path);
        else next.add(path);
        set({ selection: next, selectionAnchor: path });
        return;
      }
      if (mode === 'range' && selectionAnchor !== null) {
        const a = indexOfPath(selectionAnchor);
        const b = indexOfPath(path);
        if (a >= 0 && b >= 0) {
          // A range may span rows never scrolled into view: their paths are fetched first.
          void loadPaths(Math.min(a, b), Math.max(a, b)).then((range) => {
            if (range !== null) set({ selection: new Set(range) });
          });
          return;
        }
      }
      set({ selection: new Set([path]), selectionAnchor: path });
      void get().openDocument(path);
    },

    moveSelection: (delta, extend) => {
      const { paths, selectedPath, indexOfPath, loadPaths } = get();
      if (paths.length === 0) return;
      const at = selectedPath === null ? -1 : indexOfPath(selectedPath);
      const index = Math.min(paths.length - 1, Math.max(0, at + delta));
      const go = (target: string): void => {
        if (extend) {
          get().selectItem(target, 'range');
          void get().openDocument(target);
        } else {
          get().selectItem(target, 'replace');
        }
      };
      const known = paths[index];
      if (known !== undefined) return go(known);
      // End, PageDown and the like can land beyond the fetched windows.
      void loadPaths(index, index).then((range) => {
        if (range?.[0] !== undefined) go(range[0]);
      });
    },
  };
};
