import type { StateCreator } from 'zustand';
import type { FacetDto, IndexProgressDto, ListQueryRequest, ListRow } from '../../../shared/contract';
import { api } from '../ipc/api';
import type { FolioState } from './index';
import { defaultListView, loadListView, saveListView } from './list-view-settings';

/** The list: the query, its result (paths in order), fetched rows, and the multi-selection. */
export interface ListSlice {
  searchText: string;
  facetSelection: Readonly<Record<string, readonly string[]>>;
  sort: ListQueryRequest['sort'];
  columns: readonly string[];
  columnWidths: Readonly<Record<string, number>>;
  paths: readonly string[];
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
  forgetRows: (paths: readonly string[]) => void;
  progressChanged: (progress: IndexProgressDto) => void;
  /** Click semantics of a desktop list: plain, shift (range) and ctrl/cmd (toggle). */
  selectItem: (path: string, mode: 'replace' | 'range' | 'toggle') => void;
  /** Moves the open item by `delta` rows (keyboard), optionally extending the selection. */
  moveSelection: (delta: number, extend: boolean) => void;
}

let querySequence = 0;
const pendingRows = new Set<string>();
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
      set({ columns: view.columns, columnWidths: view.widths, sort: view.sort, searchText: '', facetSelection: {}, rows: new Map(), selection: new Set(), selectionAnchor: null, paths: [], listLoaded: false });
    },

    refreshList: async () => {
      const sequence = ++querySequence;
      const started = performance.now();
      const { searchText, facetSelection, sort } = get();
      const result = await api['list:query']({ text: searchText, facets: facetSelection, sort });
      // Keystrokes overtake each other: only the newest query may update the list.
      if (sequence !== querySequence) return;
      if (!result.ok) return set({ listError: result.error.message });
      const { paths, total, facets, progress } = result.value;
      set({ paths, total, facets, progress, listError: null, listLoaded: true });
      // Query to painted list, read by `npm run bench` (docs/performance.md: UI timings from marks).
      requestAnimationFrame(() => performance.measure('folio:list-updated', { start: started }));
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

    forgetRows: (paths) => {
      const next = new Map(get().rows);
      for (const p of paths) next.delete(p);
      set({ rows: next });
    },

    progressChanged: (progress) => {
      set({ progress });
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
      const { paths, selection, selectionAnchor } = get();
      if (mode === 'toggle') {
        const next = new Set(selection);
        if (next.has(path)) next.delete(path);
        else next.add(path);
        set({ selection: next, selectionAnchor: path });
        return;
      }
      if (mode === 'range' && selectionAnchor !== null) {
        const a = paths.indexOf(selectionAnchor);
        const b = paths.indexOf(path);
        if (a >= 0 && b >= 0) {
          set({ selection: new Set(paths.slice(Math.min(a, b), Math.max(a, b) + 1)) });
          return;
        }
      }
      set({ selection: new Set([path]), selectionAnchor: path });
      void get().openDocument(path);
    },

    moveSelection: (delta, extend) => {
      const { paths, selectedPath } = get();
      if (paths.length === 0) return;
      const at = selectedPath === null ? -1 : paths.indexOf(selectedPath);
      const target = paths[Math.min(paths.length - 1, Math.max(0, at + delta))];
      if (target === undefined) return;
      if (extend) {
        get().selectItem(target, 'range');
        void get().openDocument(target);
      } else {
        get().selectItem(target, 'replace');
      }
    },
  };
};
