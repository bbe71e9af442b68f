/** Data crossing the process boundary: plain, readonly, serialisable. Paths are workspace-relative POSIX. */

/** Which shell the renderer is running in; some capabilities (native dialogs, trash) differ. */
export type HostKind = 'electron' | 'web';

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly host: HostKind;
  readonly platform: string;
}

export interface WorkspaceInfo {
  /** Absolute folder path, shown to the user; never sent back as a file path. */
  readonly root: string;
  readonly name: string;
}

/** Why a file cannot be edited in place; absent when it can. */
export type ReadOnlyReason = 'binary' | 'non-utf8' | 'large' | 'unsupported-front-matter' | 'symlink';

/** A list cell: front matter values reduced to what a table shows (lists joined, maps as JSON). */
export type CellValue = string | number | boolean | null;

/** Problem counts by severity, for a row's badge. */
export interface ProblemCountsDto {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

/** One row of the item list: just what the list shows, never the whole document. */
export interface ListRow {
  readonly path: string;
  readonly title: string | null;
  /** Values of the requested columns (front matter paths such as `link.brand`). */
  readonly cells: Readonly<Record<string, CellValue>>;
  readonly problems: ProblemCountsDto;
  readonly readOnly?: ReadOnlyReason;
}

export type SortDirection = 'asc' | 'desc';

/** What the list shows: facet selections (AND across keys, OR within one), text, sort. */
export interface ListQueryRequest {
  readonly text: string;
  readonly facets: Readonly<Record<string, readonly string[]>>;
  /** Null keeps relevance order while searching, path order otherwise. */
  readonly sort: { readonly column: string; readonly direction: SortDirection } | null;
}

export interface FacetValueCountDto {
  readonly value: string;
  readonly count: number;
}

/** Counts of one facet key's values among the items matching the other facets and the text. */
export interface FacetDto {
  readonly key: string;
  readonly values: readonly FacetValueCountDto[];
}

/** Scan progress: shown as a count and a bar while a folder is indexed. */
export interface IndexProgressDto {
  readonly done: number;
  readonly total: number;
  readonly scanning: boolean;
}

/** The matching items in display order (paths only: rows are fetched for the visible window). */
export interface ListQueryResult {
  readonly total: number;
  readonly paths: readonly string[];
  readonly facets: readonly FacetDto[];
  readonly progress: IndexProgressDto;
}

/** A quick-open match with the matched character positions in the title or path. */
export interface QuickOpenItem {
  readonly path: string;
  readonly title: string | null;
  readonly field: 'title' | 'path';
  readonly positions: readonly number[];
}

/** A document as loaded for editing: its text and the hash later saves are checked against. */
export interface DocumentSnapshot {
  readonly path: string;
  /** The full text (BOM included). In large-file mode only a preview of the start. */
  readonly text: string;
  /** sha256 of the bytes on disk the text came from; a save must present it back. Null when only a preview was read. */
  readonly hash: string | null;
  /** True when `text` is only the start of the file (large-file mode). */
  readonly truncated: boolean;
  readonly size: number;
  readonly mtimeMs: number;
  readonly readOnly?: ReadOnlyReason;
}

/** A save that reached the disk. A conflict comes back as an error with code `conflict` instead. */
export interface SaveResult {
  readonly path: string;
  /** The new base hash for the next save. */
  readonly hash: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** False when the text equalled the disk already and nothing was written. */
  readonly written: boolean;
}

/** What a `conflict` error carries: the disk as it is now, for the merge view. */
export interface SaveConflictDetail {
  readonly diskText: string | null;
  readonly diskHash: string | null;
}

export type ChangeKind = 'add' | 'change' | 'unlink';

export interface WorkspaceChange {
  readonly path: string;
  readonly kind: ChangeKind;
}

/** One batch of changes on disk: a git checkout of thousands of files arrives as a few of these. */
export interface WorkspaceChangedEvent {
  readonly changes: readonly WorkspaceChange[];
}

export type NoticeLevel = 'info' | 'warning' | 'error';

export interface Notice {
  readonly level: NoticeLevel;
  readonly message: string;
}
