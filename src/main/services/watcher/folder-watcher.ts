import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ChangeKind, Notice, WorkspaceChange, WorkspaceChangedEvent } from '../../../shared/contract';
import { hashBytes } from '../workspace/hash-bytes';
import { READ_NOFOLLOW_FLAGS } from '../workspace/open-flags';
import { coalesceChanges } from './coalesce-changes';
import { isWatchedContentPath } from './is-watched-content-path';
import { OWN_WRITE_TTL_MS, OwnWriteRegistry } from './own-write-registry';
import type { WatchHandle, WatcherFactory } from './watch-handle';
import { workerWatcher } from './worker-watcher';

/** Tuning for `FolderWatcher`; the defaults are what the app uses. */
export interface FolderWatcherOptions {
  /** A batch is delivered once no event arrived for this long. */
  readonly quietMs?: number;
  /** ...but never later than this after its first event, so a storm still streams out. */
  readonly maxWaitMs?: number;
  /** Poll interval once the watcher has fallen back to polling (or when `usePolling` is set). */
  readonly pollIntervalMs?: number;
  /** Start in polling mode straight away, e.g. for a network drive where events never arrive. */
  readonly usePolling?: boolean;
  /** How long `registerOwnWrite` waits for the echo of Folio's write. */
  readonly ownWriteTtlMs?: number;
  /** Builds the watcher; default: the watch worker, off the main thread. */
  readonly createWatcher?: WatcherFactory;
}

/** Receives one batch of coalesced changes. */
export type BatchListener = (batch: WorkspaceChangedEvent) => void;
/** Receives a user-visible notice, e.g. that live watching fell back to polling. */
export type NoticeListener = (notice: Notice) => void;

/** The notice shown when the OS refuses more watches and the watcher polls instead. */
export const POLLING_FALLBACK_NOTICE: Notice = {
  level: 'warning',
  message: 'Too many files to watch live; Folio is checking for changes every few seconds instead.',
};

const DEFAULT_QUIET_MS = 100;
const DEFAULT_MAX_WAIT_MS = 300;
const DEFAULT_POLL_INTERVAL_MS = 2_500;
// ENOSPC: the inotify watch limit (fs.inotify.max_user_watches); EMFILE: out of file descriptors
// (macOS without fsevents, or a low ulimit). Either way native watching is incomplete.
const WATCH_LIMIT_CODES = new Set(['ENOSPC', 'EMFILE']);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Watches a workspace folder and reports external changes to content files in batches
 * (architecture: services/watcher). One OS watch per folder (`DirectoryWatch`), never following a
 * symlink (threats row 7); `.git`, `node_modules`, dot-folders, non-content files and temp files of
 * Folio and other editors are ignored (rows 20, 27); events are coalesced per path and delivered after a short quiet
 * window, capped so a git checkout of thousands of files arrives as a few batches (row 26); Folio's
 * own saves are dropped by content hash (row 27); hitting the watch limit switches to chokidar
 * polling every file, with a notice (row 28). One instance watches one folder once: `start`, then `close`.
 */
export class FolderWatcher {
  private readonly quietMs: number;
  private readonly maxWaitMs: number;
  private readonly pollIntervalMs: number;
  private readonly createWatcher: WatcherFactory;
  private readonly ownWrites: OwnWriteRegistry;
  private readonly batchListeners = new Set<BatchListener>();
  private readonly noticeListeners = new Set<NoticeListener>();
  // Every watcher still open; during the polling fallback the old and new overlap.
  private readonly watchers = new Set<WatchHandle>();
  private root: string | null = null;
  private polling: boolean;
  private started = false;
  private closed = false;
  private pending: WorkspaceChange[] = [];
  private batchStartedAt: number | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  // Batches go out strictly in order even though checking own writes is asynchronous.
  private delivery: Promise<void> = Promise.resolve();
  private readonly cancelReadyWaits = new Set<() => void>();

  constructor(options: FolderWatcherOptions = {}) {
    this.quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
    this.maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.polling = options.usePolling ?? false;
    this.createWatcher = options.createWatcher ?? workerWatcher;
    this.ownWrites = new OwnWriteRegistry(options.ownWriteTtlMs ?? OWN_WRITE_TTL_MS);
  }

  /** True once the watcher polls instead of receiving OS events. */
  get isPolling(): boolean {
    return this.polling;
  }

  /** Subscribes to change batches; returns the unsubscribe function. */
  onBatch(listener: BatchListener): () => void {
    this.batchListeners.add(listener);
    return () => this.batchListeners.delete(listener);
  }

  /** Subscribes to user-visible notices; returns the unsubscribe function. */
  onNotice(listener: NoticeListener): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  /**
   * Starts watching `root` and resolves once the initial scan is done, so a change made after
   * that is reported. Existing files are not reported (`ignoreInitial`): the index scans them.
   */
  async start(root: string): Promise<void> {
    if (this.started) throw new Error('FolderWatcher.start: already started; use a new instance per folder');
    this.started = true;
    // Resolve the root itself: not following symlinks, a watcher would treat a symlinked root
    // (macOS /tmp, a linked workspace) as a link and watch its parent folder instead.
    const resolved = await realpath(root);
    if (this.closed) return;
    this.root = resolved;
    await this.openWatcher(resolved, this.polling);
  }

  /**
   * Tells the watcher Folio is about to write `hash` (sha256 hex, as `hashBytes`) to `relPath`
   * (workspace-relative POSIX). The resulting event is dropped while the file still has exactly
   * those bytes; an external change, even right after, is reported. Expires after a few seconds.
   */
  registerOwnWrite(relPath: string, hash: string): void {
    this.ownWrites.register(relPath, hash);
  }

  /** Stops watching. Always closes every watcher; pending changes are discarded. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.pending = [];
    this.batchStartedAt = null;
    this.ownWrites.clear();
    for (const cancel of this.cancelReadyWaits) cancel();
    const open = [...this.watchers];
    this.watchers.clear();
    await Promise.allSettled(open.map((watcher) => watcher.close()));
  }

  private async openWatcher(root: string, usePolling: boolean): Promise<WatchHandle> {
    const watcher = this.createWatcher(root, { usePolling, interval: this.pollIntervalMs });
    this.watchers.add(watcher);
    const record = (kind: ChangeKind) => (absPath: string) => this.record(root, kind, absPath);
    watcher.on('add', record('add'));
    watcher.on('change', record('change'));
    watcher.on('unlink', record('unlink'));
    watcher.on('error', (error) => this.handleError(error));
    await new Promise<void>((resolve) => {
      const done = () => {
        this.cancelReadyWaits.delete(done);
        resolve();
      };
      this.cancelReadyWaits.add(done);
      watcher.once('ready', done);
    });
    return watcher;
  }

  private record(root: string, kind: ChangeKind, absPath: string): void {
    if (this.closed) return;
    const relPath = path.relative(root, absPath).split(path.sep).join('/');
    if (!isWatchedContentPath(relPath)) return;
    this.pending.push({ path: relPath, kind });
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    const now = Date.now();
    this.batchStartedAt ??= now;
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    const untilCap = this.batchStartedAt + this.maxWaitMs - now;
    this.flushTimer = setTimeout(() => this.flush(), Math.max(0, Math.min(this.quietMs, untilCap)));
  }

  private flush(): void {
    const raw = this.pending;
    this.pending = [];
    this.batchStartedAt = null;
    this.flushTimer = null;
    if (raw.length === 0) return;
    this.delivery = this.delivery.then(() => this.deliver(raw));
  }

  private async deliver(raw: readonly WorkspaceChange[]): Promise<void> {
    const root = this.root;
    if (root === null) return;
    const changes = await this.ownWrites.dropEchoes(coalesceChanges(raw), (relPath) => readCurrentHash(root, relPath));
    if (this.closed || changes.length === 0) return;
    const batch: WorkspaceChangedEvent = { changes };
    for (const listener of this.batchListeners) callSafely(listener, batch);
  }

  private handleError(error: unknown): void {
    const code = errorCode(error);
    if (code === undefined || !WATCH_LIMIT_CODES.has(code) || this.polling || this.closed) return;
    // Other errors (a folder made unreadable, a watched folder vanishing on Windows) are left
    // alone: the watcher carries on with the rest of the tree and they are not worth a notice.
    void this.fallBackToPolling();
  }

  private async fallBackToPolling(): Promise<void> {
    const root = this.root;
    if (root === null) return;
    this.polling = true;
    for (const listener of this.noticeListeners) callSafely(listener, POLLING_FALLBACK_NOTICE);
    const native = [...this.watchers];
    // Keep the native watcher running until the poller has finished its scan, so the part of the
    // tree it does cover still reports changes during the switch.
    await this.openWatcher(root, true);
    for (const watcher of native) {
      this.watchers.delete(watcher);
      await watcher.close();
    }
  }
}

async function readCurrentHash(root: string, relPath: string): Promise<string | null> {
  try {
    return hashBytes(await readFile(path.join(root, ...relPath.split('/')), { flag: READ_NOFOLLOW_FLAGS }));
  } catch {
    return null;
  }
}

function callSafely<T>(listener: (value: T) => void, value: T): void {
  try {
    listener(value);
  } catch (error) {
    // One failing subscriber must not stop the others or kill the watcher.
    console.error('FolderWatcher listener failed', error);
  }
}
