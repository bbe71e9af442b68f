import type { FacetDto, ListQueryRequest, ListRow, ListValueDto, QuickOpenItem } from '../../../shared/contract';
import type { FacetSelection } from '../../../shared/domain/search/facet-counts';
import type { IndexEntry } from '../../../shared/domain/search/index-entry';
import type { ListEngineResult, ListEngineSlice } from '../list/list-engine';
import type { ScanStats } from './scan-folder';
import type { TransferredBatch } from './prepared-batch-transfer';

/** A file for a scan helper to read: workspace-relative and absolute paths, as the walk found it. */
export interface ScanFile {
  readonly relPath: string;
  readonly absPath: string;
}

/** One file change as the watcher reports it (workspace-relative POSIX path). */
export interface IndexChange {
  readonly path: string;
  readonly kind: 'add' | 'change' | 'unlink';
}

/** A file Folio has just written, as written: its bytes and the size and mtime the disk reports. */
export interface SavedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly mtimeMs: number;
}

/** Questions the index host answers from the entries it holds: the list's, and folder-wide reads. */
export interface IndexCalls {
  query: (request: ListQueryRequest) => ListEngineResult;
  slice: (resultId: number, start: number, count: number, columns?: readonly string[]) => ListEngineSlice;
  folders: () => string[];
  facets: (text: string, selection: FacetSelection) => FacetDto[];
  rows: (paths: readonly string[], columns: readonly string[]) => ListRow[];
  quickOpen: (query: string) => QuickOpenItem[];
  values: (key: string, prefix: string, limit?: number) => ListValueDto[];
  entry: (path: string) => IndexEntry | null;
  /** Every entry, copied: for tests and tools only (at 50,000 items this is hundreds of MB). */
  entries: () => IndexEntry[];
  fieldValues: (paths: readonly string[]) => { path: string; values: unknown[] }[];
  /** The host's heap (after a collection when the process runs with --expose-gc): for the memory bench. */
  heap: () => { readonly heapUsedMb: number; readonly heapTotalMb: number; readonly externalMb: number };
}

/** A call by name with its arguments, typed from `IndexCalls`. */
export type IndexCall = { [M in keyof IndexCalls]: { readonly method: M; readonly args: Parameters<IndexCalls[M]> } }[keyof IndexCalls];

/** Requests the main process sends to the index host (in the worker, or in-thread). */
export type IndexWorkerRequest =
  | {
      readonly type: 'scan';
      readonly id: number;
      readonly root: string;
      readonly cacheFile?: string;
      readonly chunkSize?: number;
      readonly chunkIntervalMs?: number;
      readonly parallelMinFiles?: number;
    }
  /** To a scan helper (another index worker): read, parse and ready these files. */
  | { readonly type: 'prepare'; readonly id: number; readonly files: readonly ScanFile[] }
  | { readonly type: 'apply'; readonly id: number; readonly root: string; readonly changes: readonly IndexChange[] }
  /** Folio saved `path`: its entry is built from the bytes written, without reading them back. Answered with `applied`. */
  | { readonly type: 'saved'; readonly id: number; readonly root: string; readonly file: SavedFile }
  | { readonly type: 'reconcile'; readonly id: number; readonly root: string }
  | { readonly type: 'cancel'; readonly id: number }
  | ({ readonly type: 'call'; readonly id: number } & IndexCall);

/** Messages the index host sends back. Entries stay with the host: only paths and counts cross. */
export type IndexWorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'chunk'; readonly id: number; readonly paths: readonly string[]; readonly done: number; readonly total: number }
  | { readonly type: 'scan-done'; readonly id: number; readonly stats: ScanStats }
  | { readonly type: 'applied'; readonly id: number; readonly updated: readonly string[]; readonly removed: readonly string[] }
  | { readonly type: 'prepared'; readonly id: number; readonly batch: TransferredBatch }
  | { readonly type: 'result'; readonly id: number; readonly value: unknown }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
