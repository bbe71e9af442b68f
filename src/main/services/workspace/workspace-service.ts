import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentSnapshot, ListRow, Notice, SaveResult, WorkspaceChange, WorkspaceInfo } from '../../../shared/contract';
import { fail, ok, type Result } from '../../../shared/lib/result';
import type { EventSink } from '../../ipc/event-sink';
import type { IndexService } from '../index/index-service';
import type { ListService } from '../list/list-service';
import type { SettingsService } from '../settings/settings-service';
import type { FolderWatcher } from '../watcher';
import { cleanStrayTempFiles } from './clean-stray-temp-files';
import { hashBytes } from './hash-bytes';
import { readDocument } from './read-document';
import { writeTextFileAtomic, type WriteTextFileOptions } from './write-text-file-atomic';

/** Builds a watcher for a newly opened folder; injected so tests and the CLI can do without. */
export type WatcherFactory = () => FolderWatcher;

/**
 * The open folder: which one it is, its items, reading and saving its files, and watching it.
 * Every path that comes in is workspace-relative and is confined to the folder before the disk
 * is touched.
 */
export class WorkspaceService {
  private current: WorkspaceInfo | null = null;
  private watcher: FolderWatcher | null = null;
  /** Told after a folder opens and after each watcher batch (the git status refresh listens). */
  private readonly activityListeners = new Set<() => void>();
  /** Told which files changed (null: a whole folder opened), for live validation. */
  private readonly fileListeners = new Set<(root: string, paths: readonly string[] | null) => void>();
  /** Bumped on every open, so a watcher that finishes starting after the next open is closed. */
  private watchGeneration = 0;

  constructor(
    private readonly settings: SettingsService,
    private readonly events: EventSink,
    private readonly index: IndexService,
    private readonly list: ListService,
    private readonly createWatcher: WatcherFactory | null,
    /** Only the web host's test faults pass this (a failing disk); the app never does. */
    private readonly writeOptions: WriteTextFileOptions = {},
  ) {}

  boot(): Promise<void> {
    return Promise.resolve();
  }

  async shutdown(): Promise<void> {
    await this.stopWatching();
    this.current = null;
  }

  /** Subscribes to folder activity (opened, or files changed on disk); returns the unsubscribe. */
  onActivity(listener: () => void): () => void {
    this.activityListeners.add(listener);
    return () => this.activityListeners.delete(listener);
  }

  /** Subscribes to which files changed (watcher batches, saves, Folio's own changes; null when a folder opened). */
  onFilesChanged(listener: (root: string, paths: readonly string[] | null) => void): () => void {
    this.fileListeners.add(listener);
    return () => this.fileListeners.delete(listener);
  }

  get info(): WorkspaceInfo | null {
    return this.current;
  }

  /** Opens a folder (absolute path chosen by the user or given on the command line). */
  async open(folder: string): Promise<Result<WorkspaceInfo>> {
    let root: string;
    try {
      root = await realpath(folder);
      if (!(await stat(root)).isDirectory()) return fail('not-found', `${folder} is not a folder.`);
    } catch {
      return fail('not-found', `The folder ${folder} does not exist or cannot be read.`);
    }
    await this.stopWatching();
    this.current = { root, name: path.basename(root) };
    // A crash mid-save leaves `.name.folio-tmp-*` files behind; the originals are intact.
    await cleanStrayTempFiles(root);
    await this.settings.addRecentFolder(root);
    // The scan streams into the list as it goes; the renderer shows rows before it ends. The
    // watcher starts once the scan is done, so its crawl (a listing and a watch per folder; with
    // chokidar's per-file crawl this kept the main thread and libuv's thread pool busy for seconds
    // at 50,000 items) never delays the window's first requests or the scan's reads. What changed
    // meanwhile is caught by a reconcile pass once the watcher is ready (see startWatching).
    this.list.reset();
    const generation = ++this.watchGeneration;
    const watchLater = (): void => {
      if (generation === this.watchGeneration) void this.startWatching(root, generation);
    };
    void this.index.open(root).then(watchLater, (error: unknown) => {
      this.events.emit('app:notice', { level: 'error', message: `Folio could not index this folder: ${error instanceof Error ? error.message : String(error)}` });
      watchLater();
    });
    this.events.emit('workspace:opened', this.current);
    for (const listener of this.activityListeners) listener();
    for (const listener of this.fileListeners) listener(root, null);
    return ok(this.current);
  }

  /** One file for the editor, confined to the folder. */
  read(relPath: string): Promise<Result<DocumentSnapshot>> {
    if (!this.current) return Promise.resolve(fail('no-workspace', 'No folder is open.'));
    return readDocument(this.current.root, relPath);
  }

  /**
   * Saves a document if the disk still holds the bytes the edit was based on; otherwise returns a
   * `conflict` with the disk text. The watcher is told first, so Folio's own write is not echoed
   * back as an external change. With `columns` (the list's), the answer carries the item's row
   * as it is after the save, so the list can show it without asking again.
   */
  async save(relPath: string, text: string, baseHash: string | null, columns?: readonly string[]): Promise<Result<SaveResult>> {
    if (!this.current) return fail('no-workspace', 'No folder is open.');
    this.watcher?.registerOwnWrite(relPath, hashBytes(Buffer.from(text, 'utf8')));
    let row: ListRow | null | undefined;
    // The watcher drops the echo of this save, so the index (the item's list row, its search
    // words, the facet counts) and the git status hear of it here: once the save resolves, the
    // renderer's next list query already sees the saved file. The index takes it from the bytes
    // just written, while the folder's fsync runs (see writeTextFileAtomic).
    const takeIn = async (file: { readonly size: number; readonly mtimeMs: number }, bytes: Buffer): Promise<void> => {
      await this.index.applySaved({ path: relPath, bytes, size: file.size, mtimeMs: file.mtimeMs });
      if (columns !== undefined) row = (await this.list.rows([relPath], columns))[0] ?? null;
    };
    const written = await writeTextFileAtomic({ root: this.current.root, relPath, text, expectedHash: baseHash, onReplaced: takeIn }, this.writeOptions);
    if (!written.ok) return written;
    const { hash, size, mtimeMs } = written.value;
    for (const listener of this.activityListeners) listener();
    for (const listener of this.fileListeners) listener(this.current.root, [relPath]);
    return ok({ path: relPath, hash, size, mtimeMs, written: written.value.written, ...(row === undefined ? {} : { row }) });
  }

  /**
   * Tells the watcher Folio itself is about to write `text` to `relPath` (a created, renamed or
   * bulk-edited item), so its echo is not reported as an external change.
   */
  expectOwnWrite(relPath: string, text: string): void {
    this.watcher?.registerOwnWrite(relPath, hashBytes(Buffer.from(text, 'utf8')));
  }

  /**
   * Publishes changes Folio made itself (create, rename, delete, bulk edit): the index catches up
   * first, then one `workspace:changed`, so the list and an open item update at once, without
   * waiting for (or depending on) the watcher.
   */
  async publishOwnChanges(changes: readonly WorkspaceChange[]): Promise<void> {
    if (changes.length === 0 || !this.current) return;
    await this.index.applyChanges(changes);
    this.events.emit('workspace:changed', { changes });
    for (const listener of this.activityListeners) listener();
    for (const listener of this.fileListeners) listener(this.current.root, changes.map((c) => c.path));
  }

  /** Publishes what changed on disk between the scan and the watcher being ready, like a watcher batch. */
  private async catchUp(root: string, generation: number): Promise<void> {
    const missed = await this.index.reconcile();
    if (generation !== this.watchGeneration || (missed.updated.length === 0 && missed.removed.length === 0)) return;
    const changes: WorkspaceChange[] = [...missed.updated.map((p) => ({ path: p, kind: 'change' as const })), ...missed.removed.map((p) => ({ path: p, kind: 'unlink' as const }))];
    this.events.emit('workspace:changed', { changes });
    for (const listener of this.activityListeners) listener();
    for (const listener of this.fileListeners) listener(root, changes.map((c) => c.path));
  }

  private async startWatching(root: string, generation: number): Promise<void> {
    if (!this.createWatcher) return;
    const watcher = this.createWatcher();
    watcher.onBatch((batch) => {
      // The index catches up before the renderer hears of the batch, so its re-query sees it.
      void this.index.applyChanges(batch.changes).finally(() => this.events.emit('workspace:changed', batch));
      for (const listener of this.activityListeners) listener();
      for (const listener of this.fileListeners) listener(root, batch.changes.map((c) => c.path));
    });
    watcher.onNotice((notice) => {
      this.keepWatchNotice(generation, notice);
      this.events.emit('app:notice', notice);
    });
    try {
      await watcher.start(root);
      if (generation !== this.watchGeneration) {
        await watcher.close();
        return;
      }
      this.watcher = watcher;
      await this.catchUp(root, generation);
    } catch (error) {
      await watcher.close();
      const reason = error instanceof Error ? error.message : String(error);
      const notice = { level: 'warning', message: `Folio cannot watch this folder for changes (${reason}); reopen it to refresh.` } as const;
      this.keepWatchNotice(generation, notice);
      this.events.emit('app:notice', notice);
    }
  }

  /**
   * Remembers how the open folder is watched in its `WorkspaceInfo`: the watcher starts (and can
   * hit the watch limit) before any window listens, so a window that connects later still hears it.
   */
  private keepWatchNotice(generation: number, notice: Notice): void {
    if (generation === this.watchGeneration && this.current) this.current = { ...this.current, watchNotice: notice };
  }

  private async stopWatching(): Promise<void> {
    this.watchGeneration++;
    const watcher = this.watcher;
    this.watcher = null;
    await watcher?.close();
  }
}
