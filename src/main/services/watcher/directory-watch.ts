import { EventEmitter } from 'node:events';
import { watch, type FSWatcher } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isSkippedFolderName, isWatchedContentName } from './is-watched-content-path';
import type { WatchHandle } from './watch-handle';

type FileEvent = 'add' | 'change' | 'unlink';

/**
 * How long a file's first event waits before the file is looked at. Writing a new file raises a
 * create and one or more modify events within microseconds; looking once after they have all
 * arrived reports one add, not an add and then a change in the next batch (which would make the
 * index read the file twice). Far inside the 400 ms budget for an external change.
 */
const SETTLE_MS = 30;
/** How long a file's last seen size and mtime are kept to recognise a late event that changed nothing. */
const RECENT_MS = 2_000;
/** Folders listed at once during a crawl: a Hugo site of page bundles has a folder per item. */
const LISTING_CONCURRENCY = 8;
/**
 * Files looked at (`lstat`) at once. A checkout touching 50,000 files names them all within a few
 * windows; unbounded, the 50,000 pending stats grew the heap by ~180 MB for good (measured on
 * chokidar's crawl, which does exactly that).
 */
const LOOK_CONCURRENCY = 32;

interface Seen {
  readonly size: number;
  readonly mtimeMs: number;
  readonly at: number;
}

interface Folder {
  readonly watcher: FSWatcher;
  /** Names of the content files in it, as last seen. */
  readonly files: Set<string>;
}

/**
 * Native watching with one OS watch per folder, files seen through their folder's events.
 *
 * chokidar 5 gives every file its own `fs.watch` and bookkeeping, and its crawl `lstat`s every
 * entry whatever `ignored` says (its directory reader forces `alwaysStat`): at 50,000 files that
 * was ~400 MB of RSS, ~150 MB of heap and ~2.5 s of CPU, more than the index, list and search
 * together. An inotify (or FSEvents, or ReadDirectoryChangesW) watch on a folder already reports
 * every change to the files in it, with the file's name; so this lists folders without a single
 * stat (`readdir` file types), watches each folder, and looks at (`lstat`) only a file an event
 * names. Measured at 50,000 files in 275 folders: ~120 ms and ~15 MB.
 *
 * chokidar remains the polling fallback (see `inThreadWatcher`): a poller sees a file's change
 * only by polling the file itself. Like it, this never follows a symlink, skips dot-folders and
 * `node_modules`, and reports an OS watch limit (ENOSPC, EMFILE) as an `error` with that code.
 */
export class DirectoryWatch extends EventEmitter implements WatchHandle {
  private readonly folders = new Map<string, Folder>();
  /** Folders waiting to be listed, and how many listings run. */
  private readonly toList: { readonly dir: string; readonly announce: boolean }[] = [];
  private listings = 0;
  /** Files named by events since the current settle window opened. */
  private dirty = new Set<string>();
  private settleTimer: NodeJS.Timeout | null = null;
  /** A window's look is running: the next window opens when it ends, so looks at one file never overlap. */
  private lookRunning = false;
  /** Size and mtime of files looked at in the last `RECENT_MS`: a create's late modify event that changed nothing is not a change. */
  private readonly recent = new Map<string, Seen>();
  private sweep: NodeJS.Timeout | null = null;
  private ready = false;
  private isClosed = false;

  constructor(root: string) {
    super();
    this.queueListing(root, false);
  }

  /** True once closed. */
  get closed(): boolean {
    return this.isClosed;
  }

  close(): Promise<void> {
    this.isClosed = true;
    for (const { watcher } of this.folders.values()) watcher.close();
    this.folders.clear();
    this.toList.length = 0;
    if (this.sweep !== null) clearInterval(this.sweep);
    this.sweep = null;
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    this.dirty.clear();
    return Promise.resolve();
  }

  /** Lists a folder (and, through the queue, its subfolders); `announce` reports its files as added. */
  private queueListing(dir: string, announce: boolean): void {
    this.toList.push({ dir, announce });
    this.drainListings();
  }

  private drainListings(): void {
    while (this.listings < LISTING_CONCURRENCY && this.toList.length > 0 && !this.isClosed) {
      const next = this.toList.shift();
      if (next === undefined) break;
      this.listings += 1;
      void this.listFolder(next.dir, next.announce).finally(() => {
        this.listings -= 1;
        this.drainListings();
      });
    }
    if (!this.ready && this.listings === 0 && this.toList.length === 0 && !this.isClosed) {
      this.ready = true;
      this.emit('ready');
    }
  }

  private async listFolder(dir: string, announce: boolean): Promise<void> {
    if (this.folders.has(dir)) return;
    // Watch before listing: whatever appears after the listing read the folder raises an event.
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { persistent: true }, (_event, name) => this.folderEvent(dir, name));
    } catch (error) {
      this.failed(error);
      return;
    }
    const folder: Folder = { watcher, files: new Set() };
    this.folders.set(dir, folder);
    // A folder deleted under its watch; its parent's event removes it from the tree.
    watcher.on('error', (error) => this.failed(error));
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // gone again already: its parent's event follows
    }
    if (this.isClosed) return;
    for (const entry of entries) {
      const child = path.join(dir, entry.name);
      // Dirent types come from the folder itself, so a symlink is never a folder or a file here.
      if (entry.isDirectory()) {
        if (!isSkippedFolderName(entry.name)) this.queueListing(child, announce);
      } else if (entry.isFile() && isWatchedContentName(entry.name) && !folder.files.has(entry.name)) {
        folder.files.add(entry.name);
        if (announce) this.emit('add', child);
      }
    }
  }

  private failed(error: unknown): void {
    if (!this.isClosed) this.emit('error', error);
  }

  private folderEvent(dir: string, name: string | Buffer | null): void {
    if (this.isClosed) return;
    if (name === null) {
      // The OS dropped the name (an overflowed queue): look at the whole folder again.
      this.relist(dir);
      return;
    }
    const base = name.toString();
    // Only ever a child's name on the platforms Folio runs on; anything else is not ours to follow.
    if (base.includes('/') || base.includes(path.sep) || base === '..') return;
    // Every watched folder lies outside skipped folders, so the name alone decides (this runs per
    // OS event: tens of thousands in a checkout).
    if (isWatchedContentName(base)) this.schedule(path.join(dir, base));
    else if (!isSkippedFolderName(base)) void this.folderChanged(path.join(dir, base));
  }

  /** A subfolder appeared, went, or was renamed: follow it. */
  private async folderChanged(child: string): Promise<void> {
    let isFolder = false;
    try {
      isFolder = (await lstat(child)).isDirectory();
    } catch {
      // gone
    }
    if (this.isClosed) return;
    if (isFolder && !this.folders.has(child)) this.queueListing(child, true);
    else if (!isFolder && this.folders.has(child)) this.folderGone(child);
  }

  private folderGone(dir: string): void {
    const prefix = dir + path.sep;
    for (const [folderPath, folder] of this.folders) {
      if (folderPath !== dir && !folderPath.startsWith(prefix)) continue;
      folder.watcher.close();
      this.folders.delete(folderPath);
      for (const name of folder.files) this.emit('unlink', path.join(folderPath, name));
    }
  }

  private relist(dir: string): void {
    const folder = this.folders.get(dir);
    if (folder === undefined) return;
    for (const name of folder.files) this.schedule(path.join(dir, name));
    void readdir(dir, { withFileTypes: true })
      .then((entries) => {
        for (const entry of entries) this.folderEvent(dir, entry.name);
      })
      .catch(() => undefined);
  }

  /** Notes an event on `file`; the settle window it opens (or joins) looks at every file named in it once. */
  private schedule(file: string): void {
    this.dirty.add(file);
    if (!this.lookRunning) this.settleTimer ??= setTimeout(() => void this.lookAtDirty(), SETTLE_MS);
  }

  /**
   * Looks at each file named in the window that just closed and emits what changed. An event
   * arriving meanwhile opens the next window, so its file is looked at again after this look.
   */
  private async lookAtDirty(): Promise<void> {
    this.settleTimer = null;
    this.lookRunning = true;
    const files = [...this.dirty];
    this.dirty = new Set();
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let file = files[next++]; file !== undefined && !this.isClosed; file = files[next++]) {
        const event = this.settle(file, await seenOnDisk(file));
        // `closed`, not the field: the compiler assumes a field unchanged across the await.
        if (event !== null && !this.closed) this.emit(event, file);
      }
    };
    await Promise.all(Array.from({ length: Math.min(LOOK_CONCURRENCY, files.length) }, worker));
    this.lookRunning = false;
    if (this.dirty.size > 0 && !this.closed) this.settleTimer ??= setTimeout(() => void this.lookAtDirty(), SETTLE_MS);
  }

  private settle(file: string, seen: Seen | null): FileEvent | null {
    const folder = this.folders.get(path.dirname(file));
    const name = path.basename(file);
    const before = this.recent.get(file);
    if (seen === null) {
      this.recent.delete(file);
      // Deleted, moved away, or replaced by a link or a folder: no longer a content file.
      return folder?.files.delete(name) === true ? 'unlink' : null;
    }
    // An event from a folder that has gone since (its files were reported then).
    if (folder === undefined) return null;
    this.remember(file, seen);
    if (!folder.files.has(name)) {
      folder.files.add(name);
      return 'add';
    }
    return before !== undefined && before.size === seen.size && before.mtimeMs === seen.mtimeMs ? null : 'change';
  }

  private remember(file: string, seen: Seen): void {
    this.recent.set(file, seen);
    if (this.sweep !== null) return;
    this.sweep = setInterval(() => {
      const cutoff = Date.now() - RECENT_MS;
      for (const [recentFile, { at }] of this.recent) if (at < cutoff) this.recent.delete(recentFile);
      if (this.recent.size === 0 && this.sweep !== null) {
        clearInterval(this.sweep);
        this.sweep = null;
      }
    }, RECENT_MS);
    // A sweep must not keep the process alive on its own; the folder watches decide that.
    this.sweep.unref();
  }
}

/** A file's size and mtime now; null when it is gone or not a regular file (a link, a folder). */
async function seenOnDisk(file: string): Promise<Seen | null> {
  try {
    const stats = await lstat(file);
    return stats.isFile() ? { size: stats.size, mtimeMs: stats.mtimeMs, at: Date.now() } : null;
  } catch {
    return null;
  }
}
