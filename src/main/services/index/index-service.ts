import { findWorkerEntry, startServiceWorker } from '../worker/start-service-worker';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { IndexEntry } from '../../../shared/domain/search/index-entry';
import { indexCacheFile } from './index-cache';
import type { IndexWorkerMessage, IndexWorkerRequest } from './index-worker-protocol';
import { createStringInterner } from './intern-strings';
import { readIndexEntries, scanFolder, type ScanChunk, type ScanStats } from './scan-folder';

/** One file change as the watcher reports it (workspace-relative POSIX path). */
export interface IndexChange {
  readonly path: string;
  readonly kind: 'add' | 'change' | 'unlink';
}

/** Scan progress for the count and the bar. */
export interface IndexProgress {
  readonly done: number;
  readonly total: number;
}

/** What the index tells its listeners: streamed scan chunks, the end of a scan, incremental updates. */
export type IndexEvent =
  | { readonly kind: 'chunk'; readonly root: string; readonly entries: readonly IndexEntry[]; readonly progress: IndexProgress }
  | { readonly kind: 'ready'; readonly root: string; readonly stats: ScanStats }
  | { readonly kind: 'changed'; readonly root: string; readonly updated: readonly IndexEntry[]; readonly removed: readonly string[] };

/** The result of `applyChanges`. */
export interface IndexChangeSet {
  readonly updated: readonly IndexEntry[];
  readonly removed: readonly string[];
}

/** Options for `IndexService`. */
export interface IndexServiceOptions {
  /** The app's data folder; caches go to `<dataDir>/index-cache/`. */
  readonly dataDir: string;
  /** `auto` (default) tries the worker and falls back to in-thread; `inline` never starts one. */
  readonly mode?: 'auto' | 'worker' | 'inline';
  /**
   * The worker entry. Default: `index-worker.js` beside this module (a bundled build that emits it
   * as its own entry), else `index-worker.ts` (tsx in dev and tests).
   */
  readonly workerEntry?: URL;
  readonly chunkSize?: number;
  readonly chunkIntervalMs?: number;
}

interface PendingScan {
  readonly id: number;
  readonly root: string;
  resolve: (stats: ScanStats) => void;
  reject: (error: Error) => void;
}


/** Validates just enough of a parsed entry to trust it in the list. */
function isEntry(value: unknown, relPath: string): value is IndexEntry {
  if (value === null || typeof value !== 'object') return false;
  const e = value as Partial<IndexEntry>;
  return e.path === relPath && typeof e.size === 'number' && typeof e.mtimeMs === 'number' && typeof e.text === 'object' && typeof e.problemCounts === 'object';
}

/**
 * The folder index: scans off the main thread in a worker, streams entries as they come, keeps
 * them current from watcher batches, and caches them per folder so a reopen re-parses only the
 * files whose size or mtime changed. Holds one folder at a time.
 */
export class IndexService {
  /** Shares equal strings across the entries of the open folder (reset on every open). */
  private intern = createStringInterner();
  private worker: Worker | null = null;
  private mode: 'worker' | 'inline' = 'inline';
  private fallbackReason: string | null = null;
  private nextId = 1;
  private readonly listeners = new Set<(event: IndexEvent) => void>();
  private readonly items = new Map<string, IndexEntry>();
  private root: string | null = null;
  private scan: PendingScan | null = null;
  // Paths updated by applyChanges while a scan runs: the scan's older copy must not win.
  private readonly touchedDuringScan = new Set<string>();
  private readonly reads = new Map<number, (results: readonly { path: string; json: string | null }[]) => void>();
  private lastStats: ScanStats | null = null;

  constructor(private readonly options: IndexServiceOptions) {}

  /** How scans run, and why not in a worker if they do not. */
  get runtime(): { mode: 'worker' | 'inline'; fallbackReason: string | null } {
    return { mode: this.mode, fallbackReason: this.fallbackReason };
  }

  /** Starts the worker (or settles for in-thread scanning, with the reason in `runtime`). */
  async boot(): Promise<void> {
    if (this.options.mode === 'inline') return;
    const result = await this.startWorker();
    if (typeof result === 'string') {
      if (this.options.mode === 'worker') throw new Error(`The index worker could not start: ${result}`);
      this.fallbackReason = result;
      return;
    }
    this.worker = result;
    this.mode = 'worker';
  }

  /** Stops any scan and the worker. */
  async shutdown(): Promise<void> {
    this.cancelScan();
    const worker = this.worker;
    this.worker = null;
    this.mode = 'inline';
    if (worker !== null) await worker.terminate();
  }

  private async startWorker(): Promise<Worker | string> {
    const entry = this.options.workerEntry ?? findWorkerEntry('index-worker', import.meta.url);
    if (entry === null) return 'no index-worker entry next to the index service (the bundle must emit index-worker.js)';
    const worker = await startServiceWorker(entry);
    if (typeof worker === 'string') return worker;
    worker.on('message', (m: IndexWorkerMessage) => this.onWorkerMessage(m));
    worker.on('error', (error) => this.onWorkerLost(String(error)));
    worker.on('exit', (code) => this.onWorkerLost(`exited with code ${code}`));
    // Idle, the worker must not keep a CLI run alive; `request` refs it while work is pending.
    worker.unref();
    return worker;
  }

  private onWorkerLost(reason: string): void {
    if (this.worker === null) return;
    this.worker = null;
    this.mode = 'inline';
    this.fallbackReason = `the worker stopped: ${reason}`;
    this.scan?.reject(new Error(this.fallbackReason));
    this.scan = null;
    for (const resolve of this.reads.values()) resolve([]);
    this.reads.clear();
  }

  private request(message: IndexWorkerRequest): void {
    this.worker?.ref();
    this.worker?.postMessage(message);
  }

  private settleRef(): void {
    if (this.scan === null && this.reads.size === 0) this.worker?.unref();
  }

  private onWorkerMessage(message: IndexWorkerMessage): void {
    switch (message.type) {
      case 'ready':
        return;
      case 'chunk':
        if (this.scan?.id === message.id) this.acceptChunk(this.scan.root, message);
        return;
      case 'scan-done':
        if (this.scan?.id === message.id) this.finishScan(message.stats);
        this.settleRef();
        return;
      case 'read-done': {
        const resolve = this.reads.get(message.id);
        this.reads.delete(message.id);
        resolve?.(message.results);
        this.settleRef();
        return;
      }
      case 'failed':
        if (this.scan?.id === message.id) {
          this.scan.reject(new Error(message.message));
          this.scan = null;
        }
        this.reads.get(message.id)?.([]);
        this.reads.delete(message.id);
        this.settleRef();
        return;
    }
  }

  /** Listens to index events; returns the unsubscribe function. */
  onEvent(listener: (event: IndexEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: IndexEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Every entry known so far (during a scan: the part streamed in). */
  entries(): IndexEntry[] {
    return [...this.items.values()];
  }

  /** The entry at a workspace-relative path. */
  get(relPath: string): IndexEntry | undefined {
    return this.items.get(relPath);
  }

  /** The stats of the last finished scan. */
  get stats(): ScanStats | null {
    return this.lastStats;
  }

  /**
   * Opens a folder: cancels any running scan, then scans with the cache, streaming `chunk` events
   * and ending with `ready`. Resolves with the scan's stats.
   */
  open(root: string): Promise<ScanStats> {
    this.cancelScan();
    this.items.clear();
    this.intern = createStringInterner();
    this.touchedDuringScan.clear();
    this.root = path.resolve(root);
    const id = this.nextId++;
    const resolvedRoot = this.root;
    const done = new Promise<ScanStats>((resolve, reject) => {
      this.scan = { id, root: resolvedRoot, resolve, reject };
    });
    const cacheFile = indexCacheFile(this.options.dataDir, resolvedRoot);
    const tuning = {
      ...(this.options.chunkSize === undefined ? {} : { chunkSize: this.options.chunkSize }),
      ...(this.options.chunkIntervalMs === undefined ? {} : { chunkIntervalMs: this.options.chunkIntervalMs }),
    };
    if (this.worker !== null) {
      this.request({ type: 'scan', id, root: resolvedRoot, cacheFile, ...tuning });
    } else {
      // In-thread fallback: the same scan, yielding at every file read, so the process stays
      // responsive but parsing shares the main thread's time.
      scanFolder(resolvedRoot, {
        cacheFile,
        ...tuning,
        onChunk: (chunk) => {
          if (this.scan?.id === id) this.acceptChunk(resolvedRoot, chunk);
        },
        isCancelled: () => this.scan?.id !== id,
      }).then(
        (stats) => {
          if (this.scan?.id === id) this.finishScan(stats);
        },
        (error: unknown) => {
          if (this.scan?.id === id) {
            this.scan.reject(error instanceof Error ? error : new Error(String(error)));
            this.scan = null;
          }
        },
      );
    }
    return done;
  }

  private cancelScan(): void {
    const scan = this.scan;
    if (scan === null) return;
    this.scan = null;
    if (this.worker !== null) this.request({ type: 'cancel', id: scan.id });
    scan.resolve({ total: 0, parsed: 0, cached: 0, cacheUsed: false, durationMs: 0, cancelled: true });
  }

  private acceptChunk(root: string, chunk: ScanChunk): void {
    const accepted: IndexEntry[] = [];
    const retry: string[] = [];
    chunk.entries.forEach((json, i) => {
      const relPath = chunk.paths[i] as string;
      if (this.touchedDuringScan.has(relPath)) return;
      let entry: unknown;
      try {
        entry = this.intern(JSON.parse(json) as unknown);
      } catch {
        entry = null;
      }
      if (isEntry(entry, relPath)) {
        this.items.set(relPath, entry);
        accepted.push(entry);
      } else {
        retry.push(relPath);
      }
    });
    this.emit({ kind: 'chunk', root, entries: accepted, progress: { done: chunk.done, total: chunk.total } });
    // A damaged cached entry is read again from disk rather than dropped.
    if (retry.length > 0) void this.applyChanges(retry.map((p) => ({ path: p, kind: 'change' })));
  }

  private finishScan(stats: ScanStats): void {
    const scan = this.scan;
    if (scan === null) return;
    this.scan = null;
    this.lastStats = stats;
    this.touchedDuringScan.clear();
    this.emit({ kind: 'ready', root: scan.root, stats });
    scan.resolve(stats);
  }

  private readPaths(root: string, paths: readonly string[]): Promise<readonly { path: string; json: string | null }[]> {
    if (this.worker === null) return readIndexEntries(root, paths);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.reads.set(id, resolve);
      this.request({ type: 'read', id, root, paths });
    });
  }

  /**
   * Applies a watcher batch: re-reads only the changed paths (in the worker), drops unlinked ones,
   * and emits one `changed` event. Paths that are not items (dot-folders, symlinks, other files)
   * are ignored or removed.
   */
  async applyChanges(changes: readonly IndexChange[]): Promise<IndexChangeSet> {
    const root = this.root;
    if (root === null || changes.length === 0) return { updated: [], removed: [] };
    const last = new Map<string, IndexChange['kind']>();
    for (const change of changes) last.set(change.path, change.kind);
    if (this.scan !== null) for (const p of last.keys()) this.touchedDuringScan.add(p);
    const toRead = [...last].filter(([, kind]) => kind !== 'unlink').map(([p]) => p);
    const results = toRead.length === 0 ? [] : await this.readPaths(root, toRead);
    if (this.root !== root) return { updated: [], removed: [] };
    const updated: IndexEntry[] = [];
    const removed: string[] = [];
    const drop = (relPath: string): void => {
      if (this.items.delete(relPath)) removed.push(relPath);
    };
    for (const [relPath, kind] of last) if (kind === 'unlink') drop(relPath);
    for (const { path: relPath, json } of results) {
      let entry: unknown = null;
      try {
        entry = json === null ? null : this.intern(JSON.parse(json) as unknown);
      } catch {
        entry = null;
      }
      if (isEntry(entry, relPath)) {
        this.items.set(relPath, entry);
        updated.push(entry);
      } else {
        drop(relPath);
      }
    }
    if (updated.length > 0 || removed.length > 0) this.emit({ kind: 'changed', root, updated, removed });
    return { updated, removed };
  }
}
