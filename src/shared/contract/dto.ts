/** Data crossing the process boundary: plain, readonly, serialisable. Paths are workspace-relative POSIX. */
import type { FolioJsonSchema } from '../domain/schema';
import type { FrontMatterMerge } from '../domain/changes';
import type { Problem, ProblemSeverity } from '../domain/validation/problem';

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
  /**
   * How the folder is watched when that is worse than live (polling after the watch limit, or not
   * at all). The live `app:notice` can go out before a window is listening; this one is kept.
   */
  readonly watchNotice?: Notice;
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
  /** The item's git state when it has uncommitted changes (filled from the git status). */
  readonly git?: GitBadgeDto;
}

export type SortDirection = 'asc' | 'desc';

/** What the list shows: facet selections (AND across keys, OR within one), text, sort. */
export interface ListQueryRequest {
  readonly text: string;
  readonly facets: Readonly<Record<string, readonly string[]>>;
  /** Null keeps relevance order while searching, path order otherwise. */
  readonly sort: { readonly column: string; readonly direction: SortDirection } | null;
  /**
   * The part of the ordered result to return (default: the first 100): a keystroke carries the
   * visible window, never every matching path; further slices come by index (`list:slice`).
   */
  readonly window?: { readonly start: number; readonly count: number };
  /** Columns for the window's rows, returned with the answer so the list paints in one round trip. */
  readonly columns?: readonly string[];
}

/** A further slice of a query's ordered result, by index (scrolling, range selection, keyboard moves). */
export interface ListSliceRequest {
  readonly resultId: number;
  readonly start: number;
  readonly count: number;
  readonly columns?: readonly string[];
}

/** The paths (and rows, when columns were asked) from `start`; `found` false once the result is gone (query again). */
export interface ListSliceResult {
  readonly found: boolean;
  readonly start: number;
  readonly paths: readonly string[];
  readonly rows: readonly ListRow[];
}

/** The facet counts for a query's text and facet selection (asked after the list, so a keystroke never waits for them). */
export interface ListFacetsRequest {
  readonly text: string;
  readonly facets: Readonly<Record<string, readonly string[]>>;
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
  /** Items in the folder. */
  readonly total: number;
  /** Items matching the query. */
  readonly count: number;
  /** Names this ordered result for `list:slice` (the index keeps the last few). */
  readonly resultId: number;
  /** Index of `paths[0]` in the ordered result. */
  readonly start: number;
  /** The window's paths, in order. */
  readonly paths: readonly string[];
  /** The window's rows (empty when no columns were asked). */
  readonly rows: readonly ListRow[];
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
  /**
   * The saved item's list row for the `columns` the request named, read after the index took the
   * save in (null when the list does not hold the file); absent when no columns were named or
   * nothing was written. The renderer paints it without asking the list again.
   */
  readonly row?: ListRow | null;
}

/** Unsaved edits kept by main for crash recovery (`drafts:list`), restored byte for byte. */
export interface DraftDto {
  readonly path: string;
  /** The hash of the disk version the edits started from; null when the file did not exist. */
  readonly baseHash: string | null;
  readonly text: string;
  /** When main stored it, in ms since the epoch. */
  readonly savedAt: number;
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

/** The schema the front matter form uses for one item (`schema:forItem`). */
export interface ItemSchemaDto {
  /** The content type that claims the item, or null when none does. */
  readonly contentType: string | null;
  /** JSON Schema of the item's front matter with Folio's `x-folio-*` keywords. */
  readonly schema: FolioJsonSchema;
  /** True when no valid `.folio/schema.json` exists and the schema was inferred from the folder. */
  readonly inferred: boolean;
}

/** A schema inferred from the whole folder, for review and editing before it is saved (`schema:infer`). */
export interface InferredSchemaDto {
  /** The inferred `.folio/schema.json`, pretty-printed. */
  readonly json: string;
  /** True when the folder already has a `.folio/schema.json`, which saving would replace. */
  readonly existing: boolean;
}

/** A value used for a key somewhere in the folder, with how many items use it (`list:values`). */
export interface ListValueDto {
  readonly value: string;
  readonly count: number;
}

/** A local image as a data URL (`document:asset`); the CSP allows `img-src data:`. */
export interface AssetDto {
  readonly dataUrl: string;
}

/** A template a new item can start from (`items:templates`): a Hugo archetype or a `.folio/templates` file. */
export interface ItemTemplateDto {
  readonly kind: 'archetype' | 'template';
  readonly path: string;
  /** The file name without `.md`, e.g. `curated-content`. */
  readonly name: string;
}

/** What a new item starts from: a template file, or a copy of an existing item. */
export type ItemTemplateChoice = { readonly kind: 'archetype' | 'template'; readonly path: string } | { readonly kind: 'duplicate'; readonly path: string };

/** `items:create`: a new item in `folder` ('' for the root) named after `title`. */
export interface CreateItemRequest {
  readonly folder: string;
  readonly title: string;
  readonly template: ItemTemplateChoice;
}

/** The path of an item after `items:create`, `items:rename` or `items:restore`. */
export interface ItemPathDto {
  readonly path: string;
  /** What could not be filled in (the item was still created). */
  readonly warnings?: readonly string[];
}

/** `items:delete`: the id `items:restore` takes to undo it. */
export interface TrashedItemDto {
  readonly trashId: string;
}

/** Plain YAML-compatible data, as a bulk edit's value. */
export type PlainDataDto = string | number | boolean | null | readonly PlainDataDto[] | { readonly [key: string]: PlainDataDto };

/** One change applied to each file of a multi-selection (`bulk:preview`, `bulk:apply`). */
export type BulkEditDto =
  | { readonly kind: 'set' | 'add-to-list' | 'remove-from-list'; readonly path: string; readonly value: PlainDataDto }
  | { readonly kind: 'delete-key'; readonly path: string };

/** `bulk:apply`: `baseHashes` (from the preview) make a file changed since the preview fail instead of being written. */
export interface BulkEditRequest {
  readonly paths: readonly string[];
  readonly edit: BulkEditDto;
  readonly baseHashes?: Readonly<Record<string, string>>;
}

/** One file of a bulk preview: its unified diff, or why it cannot be edited. */
export interface BulkPreviewFileDto {
  readonly path: string;
  readonly status: 'change' | 'unchanged' | 'error';
  /** Unified diff (`a/path` → `b/path`); '' unless `status` is `change`. */
  readonly diff: string;
  readonly message?: string;
  /** sha256 of the bytes the preview read; send it back with `bulk:apply`. */
  readonly hash?: string;
}

/** The one summary of `bulk:apply`. */
export interface BulkApplySummaryDto {
  readonly changed: number;
  readonly unchanged: number;
  readonly failed: readonly { readonly path: string; readonly message: string }[];
}

/** The single git state an item shows in the list (`staged`: every change of it is staged). */
export type GitBadgeDto = 'modified' | 'added' | 'untracked' | 'deleted' | 'renamed' | 'conflicted' | 'staged';

/** One changed file in the open folder (`git:status`); `summary` is filled by `git:changes`. */
export interface GitFileDto {
  readonly path: string;
  readonly badge: GitBadgeDto;
  /** Some of its changes are staged (what a commit records now). */
  readonly staged: boolean;
  /** Some of its changes are not staged yet. */
  readonly unstaged: boolean;
  readonly summary?: string;
}

/** The open folder as git sees it. `state` says whether git can be used here at all. */
export interface GitStatusDto {
  readonly state: 'ok' | 'not-a-repository' | 'no-git' | 'no-folder' | 'error';
  /** Why, when `state` is `error` (e.g. the folder belongs to another user). */
  readonly message?: string;
  readonly branch: string | null;
  readonly detached: boolean;
  readonly upstream: string | null;
  readonly ahead: number;
  readonly behind: number;
  readonly files: readonly GitFileDto[];
  readonly conflicted: readonly string[];
  /** A pull git stopped in the middle of (conflicts to resolve). */
  readonly operation: 'merge' | 'rebase' | null;
  /** The curator trusted this folder: its git hooks may run. */
  readonly trusted: boolean;
  /** No commit yet (a fresh repository). */
  readonly unborn: boolean;
}

/** Two sides of an item for the diff editor; null = does not exist on that side. */
export interface GitDiffDto {
  readonly before: string | null;
  readonly after: string | null;
}

/** The name and email git records; null where nothing is configured. */
export interface GitIdentityDto {
  readonly name: string | null;
  readonly email: string | null;
}

/** A recorded commit (`git:commit`, `git:init`). */
export interface GitCommitDto {
  readonly oid: string;
}

/** One commit that changed an item (`git:history`), newest first. */
export interface GitHistoryEntryDto {
  readonly oid: string;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly date: string;
  readonly subject: string;
  /** The item's path in that commit (before a rename it differs); null if outside the folder. */
  readonly path: string | null;
}

/** An item's text at a commit (`git:showAt`); null when it did not exist there. */
export interface GitFileAtDto {
  readonly text: string | null;
}

/** What a pull or push did. */
export interface GitSyncDto {
  readonly updated: boolean;
}

/** Progress of a running pull or push (`git:progress`). */
export interface GitProgressDto {
  readonly operation: 'pull' | 'push';
  readonly phase: string;
  /** A rough percent of the whole operation. */
  readonly overall: number;
}

/**
 * A conflicted item (`git:conflict`): base/ours/theirs where "ours" is always this clone's
 * version (git swaps them during a rebase; main swaps them back), and the field/hunk merge.
 */
export interface GitConflictDto {
  readonly path: string;
  readonly base: string | null;
  readonly ours: string | null;
  readonly theirs: string | null;
  readonly merge: FrontMatterMerge | null;
}

/** Which problems `validation:problems` returns; every field narrows, absent means all. */
export interface ProblemsQueryDto {
  readonly severity?: ProblemSeverity;
  readonly code?: string;
  readonly contentType?: string;
  readonly file?: string;
  /** At most this many problems; 0 asks only for the totals and whether validation is running. */
  readonly limit?: number;
}

/** Problem counts of the whole folder by severity (the same shape as a row's). */
export type ProblemTotalsDto = ProblemCountsDto;

/** The answer to `validation:problems`: the matching problems and the folder's totals. */
export interface ProblemsResultDto {
  readonly problems: readonly Problem[];
  /** Totals over the whole folder, not just the filtered problems. */
  readonly counts: ProblemTotalsDto;
  /** Content files validated. */
  readonly files: number;
  /** True while a (re)validation runs; the list may be about to change. */
  readonly running: boolean;
  /** Codes and content types present, for the panel's filters. */
  readonly codes: readonly string[];
  readonly contentTypes: readonly string[];
}

/** Broadcast after each (re)validation. */
export interface ValidationChangedEvent {
  readonly counts: ProblemTotalsDto;
  readonly running: boolean;
  /** Files whose problems changed, so the list refetches only their rows; null when unknown. */
  readonly files: readonly string[] | null;
}
