import type { ListQueryRequest } from '../../../shared/contract';

/** The list layout a curator chose for one folder. */
export interface ListViewSettings {
  readonly columns: readonly string[];
  readonly widths: Readonly<Record<string, number>>;
  readonly sort: ListQueryRequest['sort'];
}

/** Columns a news-curation folder starts with; any front matter path can be added. */
export const defaultListView: ListViewSettings = {
  columns: ['title', 'date', 'categories', 'source', 'status'],
  widths: {},
  sort: null,
};

const storageKey = (root: string) => `folio.listView:${root}`;

/** Reads the remembered layout of a folder; anything unreadable falls back to the default. */
export function loadListView(root: string): ListViewSettings {
  try {
    const raw = localStorage.getItem(storageKey(root));
    if (!raw) return defaultListView;
    // Stored by an older or newer Folio, or edited by hand: check every part.
    const parsed = JSON.parse(raw) as { columns?: unknown; widths?: unknown; sort?: { column?: unknown; direction?: unknown } | null };
    const columns = Array.isArray(parsed.columns) && parsed.columns.length > 0 && parsed.columns.every((c) => typeof c === 'string') ? parsed.columns : defaultListView.columns;
    const widths = typeof parsed.widths === 'object' && parsed.widths !== null ? (parsed.widths as Record<string, number>) : {};
    const { column, direction } = parsed.sort ?? {};
    const sort: ListQueryRequest['sort'] = typeof column === 'string' && (direction === 'asc' || direction === 'desc') ? { column, direction } : null;
    return { columns, widths, sort };
  } catch {
    return defaultListView;
  }
}

/** Remembers a folder's layout (columns, widths, sort) across restarts. */
export function saveListView(root: string, settings: ListViewSettings): void {
  try {
    localStorage.setItem(storageKey(root), JSON.stringify(settings));
  } catch {
    // Storage full or disabled: the layout simply is not remembered.
  }
}
