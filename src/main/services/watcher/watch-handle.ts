import type { EventEmitter } from 'node:events';
import { watch } from 'chokidar';
import { chokidarOptions, type WatchSettings } from './chokidar-options';
import { DirectoryWatch } from './directory-watch';

/** The part of a watcher `FolderWatcher` uses; `DirectoryWatch` and chokidar's `FSWatcher` are two. */
export interface WatchHandle {
  on(event: 'add' | 'change' | 'unlink', listener: (absPath: string) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  once(event: 'ready', listener: () => void): unknown;
  close(): Promise<void>;
}

/** Builds the watcher of one folder; injectable so tests can stand in for the operating system. */
export type WatcherFactory = (root: string, settings: WatchSettings) => WatchHandle;

/**
 * Folio's watcher on the calling thread: one OS watch per folder (`DirectoryWatch`) for native
 * events, chokidar polling every content file for the fallback (a poller sees a file change only
 * on the file). The watch worker runs this; so does the in-thread fallback.
 */
export function inThreadWatcher(root: string, settings: WatchSettings): WatchHandle & EventEmitter {
  return settings.usePolling ? watch(root, chokidarOptions(root, settings)) : new DirectoryWatch(root);
}
