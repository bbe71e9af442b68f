import { watch } from 'chokidar';
import { chokidarOptions, type WatchSettings } from './chokidar-options';

/** The part of a chokidar watcher `FolderWatcher` uses; chokidar's own `FSWatcher` is one. */
export interface WatchHandle {
  on(event: 'add' | 'change' | 'unlink', listener: (absPath: string) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  once(event: 'ready', listener: () => void): unknown;
  close(): Promise<void>;
}

/** Builds the watcher of one folder; injectable so tests can stand in for the operating system. */
export type WatcherFactory = (root: string, settings: WatchSettings) => WatchHandle;

/** chokidar on the calling thread: the fallback when the watch worker cannot start, and tests' seam. */
export const inThreadWatcher: WatcherFactory = (root, settings) => watch(root, chokidarOptions(root, settings));
