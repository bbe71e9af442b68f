import { findWorkerEntry, isWorkerOutOfMemory, restartServiceWorker, startServiceWorker } from '../worker/start-service-worker';
import { WorkerHeapLimit } from '../worker/worker-heap-limit';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { IndexEntry } from '../../../shared/domain/search/index-entry';
import { indexCacheFile } from './index-cache';
import { IndexHost } from './index-host';
import type { IndexCall, IndexCalls, IndexChange, IndexWorkerMessage, IndexWorkerRequest, SavedFile } from './index-worker-protocol';
import type { ScanStats } from './scan-folder';

export type { IndexChange, SavedFile } from './index-worker-protocol';

/** Scan progress for the count and the bar. */
export interface IndexProgress {
  readonly done: number;
  readonly total: number;
}

/** What the index tells its listeners: streamed scan chunks (paths only), the end of a scan, incremental updates. */
export type IndexEvent =
  | { readonly kind: 'chunk'; readonly root: string; readonly paths: readonly string[]; readonly progress: IndexProgress }
  | { readonly kind: 'ready'; readonly root: string; readonly stats: ScanStats }
  | { readonly kind: 'changed'; readonly root: string; readonly updated: readonly string[]; readonly removed: readonly string[] };

/** The result of `applyChanges`: the paths updated and removed. */
export interface IndexChangeSet {
  readonly updated: readonly string[];
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
  /**
   * A scan with at least this many files to parse shares them with a helper worker (default 1000;
   * below that, starting one costs more than it saves).
   */
  readonly parallelMinFiles?: number;
  /**
   * The worker's old-space limit (MB), default 512 (see `WorkerHeapLimit`): it keeps the process
   * near what the index holds (~155 MB at 50,000 seed-shaped items) instead of the scan's peak. A
   * worker that reaches it restarts with twice the limit and scans again.
   */
  readonly heapLimitMb?: number;
}

/** Default old-space limit of the index worker; see `IndexServiceOptions.heapLimitMb`. */
export const DEFAULT_INDEX_HEAP_LIMIT_MB = 512;

interface PendingScan {
  readonly id: number;
  readonly root: string;
  resolve: (stats: ScanStats) => void;
  reject: (error: Error) => void;
}

interface PendingRequest {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * The folder index: scans off the main thread in a worker that also holds the entries and answers
 * the list's queries, streams progress as chunks come in, keeps the entries current from watcher
 * batches, and caches them per folder so a reopen re-parses only the files whose size or mtime
 * changed. The main thread keeps no entries: it asks. Holds one folder at a time.
 */
export class IndexService {
  private worker: Worker | null = null;
  /** The in-thread host when there is no worker (the fallback). */
  private inline: IndexHost | null = null;
  private mode: 'worker' | 'inline' = 'inline';
  private fallbackReason: string | null = null;
  private nextId = 1;
  private readonly listeners = new Set<(event: IndexEvent) => void>();
  private root: string | null = null;
  private scan: PendingScan | null = null;
  private readonly pending = new Map<number, PendingRequest>();
  private lastStats: ScanStats | null = null;
  private readonly heapLimit: WorkerHeapLimit;
  /** While a worker that ran out of memory is replaced: requests wait for the new one. */
  private restarting: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: IndexServiceOptions) {
    this.heapLimit = new WorkerHeapLimit(options.heapLimitMb ?? DEFAULT_INDEX_HEAP_LIMIT_MB);
  }

  /** How scans run, and why not in a worker if they do not. */
  get runtime(): { mode: 'worker' | 'inline'; fallbackReason: string | null } {
    return { mode: this.mode, fallbackReason: this.fallbackReason };
  }

  /** The worker's current old-space limit (MB): raised when a folder outgrew it. */
  get workerHeapLimitMb(): number {
    return this.heapLimit.limitMb;
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
    this.stopped = true;
    this.cancelScan();
    const worker = this.worker;
    this.worker = null;
    this.inline = null;
    this.mode = 'inline';
    this.failPending('the index was shut down');
    if (worker !== null) await worker.terminate();
  }

  private async startWorker(): Promise<Worker | string> {
    const entry = this.options.workerEntry ?? findWorkerEntry('index-worker', import.meta.url);
    if (entry === null) return 'no index-worker entry next to the index service (the bundle must emit index-worker.js)';
    const worker = await startServiceWorker(entry, this.heapLimit);
    if (typeof worker === 'string') return worker;
    worker.on('message', (m: IndexWorkerMessage) => this.onMessage(m));
    worker.on('error', (error) => this.onWorkerLost(worker, String(error), isWorkerOutOfMemory(error)));
    worker.on('exit', (code) => this.onWorkerLost(worker, `exited with code ${code}`, false));
    // Idle, the worker must not keep a CLI run alive; `request` refs it while work is pending.
    worker.unref();
    return worker;
  }

  private onWorkerLost(lost: Worker, reason: string, outOfMemory: boolean): void {
    if (this.worker !== lost) return;
    this.worker = null;
    const scan = this.scan;
    const ranOutAt = this.heapLimit.limitMb;
    if (outOfMemory && this.heapLimit.grow()) {
      // The folder outgrew the limit: a worker with twice the room scans it again. The scan in
      // progress stays pending (its caller sees a longer scan, not a failure); questions asked
      // of the lost worker fail, as they would for any lost answer.
      this.failPending(`the index worker ran out of memory at ${ranOutAt} MB; restarting with ${this.heapLimit.limitMb} MB`);
      this.restarting = this.restartAfterOutOfMemory(scan);
      return;
    }
    this.fallBackInline(`the worker stopped: ${reason}`, scan);
  }

  private async restartAfterOutOfMemory(scan: PendingScan | null): Promise<void> {
    const started = await restartServiceWorker(() => this.startWorker(), () => this.stopped);
    this.restarting = null;
    if (started === null) return;
    if (typeof started === 'string') {
      this.fallBackInline(`the worker could not restart: ${started}`, scan);
      return;
    }
    this.worker = started;
    if (scan !== null && this.scan === scan) this.requestScan(scan.id, scan.root);
    else if (this.root !== null) void this.open(this.root).catch(() => undefined);
  }

  private fallBackInline(reason: string, scan: PendingScan | null): void {
    this.mode = 'inline';
    this.fallbackReason = reason;
    if (scan !== null && this.scan === scan) {
      scan.reject(new Error(reason));
      this.scan = null;
    }
    this.failPending(reason);
    // The entries died with the worker: index the folder again in-thread (the cache makes it quick).
    const root = this.root;
    if (root !== null) void this.open(root).catch(() => undefined);
  }

  private failPending(reason: string): void {
    for (const pending of this.pending.values()) pending.reject(new Error(reason));
    this.pending.clear();
  }

  private host(): IndexHost {
    this.inline ??= new IndexHost((message) => this.onMessage(message), this.options.workerEntry ?? findWorkerEntry('index-worker', import.meta.url));
    return this.inline;
  }

  private request(message: IndexWorkerRequest): void {
    if (this.restarting !== null) {
      void this.restarting.then(() => this.request(message));
      return;
    }
    if (this.worker !== null) {
      this.worker.ref();
      this.worker.postMessage(message);
    } else {
      this.host().handle(message);
    }
  }

  /** Sends a request and waits for its `result` or `applied` answer. */
  private ask<T>(build: (id: number) => IndexWorkerRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.request(build(id));
    });
  }

  private settleRef(): void {
    if (this.scan === null && this.pending.size === 0) this.worker?.unref();
  }

  private settle(id: number, outcome: { value: unknown } | { error: Error }): void {
    const pending = this.pending.get(id);
    if (pending === undefined) return;
    this.pending.delete(id);
    if ('value' in outcome) pending.resolve(outcome.value);
    else pending.reject(outcome.error);
  }

  private onMessage(message: IndexWorkerMessage): void {
    switch (message.type) {
      case 'ready':
      case 'prepared':
        return;
      case 'chunk':
        if (this.scan?.id === message.id) this.emit({ kind: 'chunk', root: this.scan.root, paths: message.paths, progress: { done: message.done, total: message.total } });
        return;
      case 'scan-done':
        if (this.scan?.id === message.id) this.finishScan(message.stats);
        this.settleRef();
        return;
      case 'applied':
        this.settle(message.id, { value: { updated: message.updated, removed: message.removed } });
        this.settleRef();
        return;
      case 'result':
        this.settle(message.id, { value: message.value });
        this.settleRef();
        return;
      case 'failed':
        if (this.scan?.id === message.id) {
          this.scan.reject(new Error(message.message));
          this.scan = null;
        }
        this.settle(message.id, { error: new Error(message.message) });
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

  /** Asks the entries' holder a question (list queries, rows, suggestions). */
  call<M extends keyof IndexCalls>(method: M, ...args: Parameters<IndexCalls[M]>): Promise<ReturnType<IndexCalls[M]>> {
    return this.ask((id) => ({ type: 'call', id, method, args }) as IndexWorkerRequest & IndexCall);
  }

  /** Every entry known so far (during a scan: the part streamed in). Copies the whole folder: for tests and tools, never the app. */
  entries(): Promise<IndexEntry[]> {
    return this.call('entries');
  }

  /** The values at a few field paths for every entry, without copying entries (see `ListEngine.fieldValues`). */
  fieldValues(paths: readonly string[]): Promise<{ path: string; values: unknown[] }[]> {
    return this.call('fieldValues', paths);
  }

  /** The entry at a workspace-relative path. */
  async get(relPath: string): Promise<IndexEntry | undefined> {
    return (await this.call('entry', relPath)) ?? undefined;
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
    this.root = path.resolve(root);
    const id = this.nextId++;
    const resolvedRoot = this.root;
    const done = new Promise<ScanStats>((resolve, reject) => {
      this.scan = { id, root: resolvedRoot, resolve, reject };
    });
    this.requestScan(id, resolvedRoot);
    return done;
  }

  private requestScan(id: number, root: string): void {
    this.request({
      type: 'scan',
      id,
      root,
      cacheFile: indexCacheFile(this.options.dataDir, root),
      ...(this.options.chunkSize === undefined ? {} : { chunkSize: this.options.chunkSize }),
      ...(this.options.chunkIntervalMs === undefined ? {} : { chunkIntervalMs: this.options.chunkIntervalMs }),
      ...(this.options.parallelMinFiles === undefined ? {} : { parallelMinFiles: this.options.parallelMinFiles }),
    });
  }

  private cancelScan(): void {
    const scan = this.scan;
    if (scan === null) return;
    this.scan = null;
    this.request({ type: 'cancel', id: scan.id });
    scan.resolve({ total: 0, parsed: 0, cached: 0, cacheUsed: false, durationMs: 0, cancelled: true });
  }

  private finishScan(stats: ScanStats): void {
    const scan = this.scan;
    if (scan === null) return;
    this.scan = null;
    this.lastStats = stats;
    this.emit({ kind: 'ready', root: scan.root, stats });
    scan.resolve(stats);
  }

  /**
   * Applies a watcher batch: re-reads only the changed paths (in the worker), drops unlinked ones,
   * and emits one `changed` event. Paths that are not items (dot-folders, symlinks, other files)
   * are ignored or removed.
   */
  applyChanges(changes: readonly IndexChange[]): Promise<IndexChangeSet> {
    if (changes.length === 0) return Promise.resolve({ updated: [], removed: [] });
    return this.applyAt((id, root) => ({ type: 'apply', id, root, changes }));
  }

  /**
   * Takes in a file Folio has just saved, from the bytes it wrote: `applyChanges` for that one
   * file without reading it back (the host reads it after all when it does not hold it yet).
   */
  applySaved(file: SavedFile): Promise<IndexChangeSet> {
    return this.applyAt((id, root) => ({ type: 'saved', id, root, file }));
  }

  /**
   * Brings the entries up to date with the disk after a time unwatched (the watcher starts once
   * the scan is done): walks the folder, re-reads what changed, drops what is gone, and emits one
   * `changed` event like a watcher batch.
   */
  reconcile(): Promise<IndexChangeSet> {
    return this.applyAt((id, root) => ({ type: 'reconcile', id, root }));
  }

  private async applyAt(build: (id: number, root: string) => IndexWorkerRequest): Promise<IndexChangeSet> {
    const root = this.root;
    if (root === null) return { updated: [], removed: [] };
    let result: IndexChangeSet;
    try {
      result = await this.ask<IndexChangeSet>((id) => build(id, root));
    } catch {
      return { updated: [], removed: [] };
    }
    if (this.root !== root) return { updated: [], removed: [] };
    if (result.updated.length > 0 || result.removed.length > 0) this.emit({ kind: 'changed', root, updated: result.updated, removed: result.removed });
    return result;
  }
}
