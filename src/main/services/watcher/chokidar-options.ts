import type { Stats } from 'node:fs';
import path from 'node:path';
import type { ChokidarOptions } from 'chokidar';
import { isContentFileName } from '../index/walk-content-files';
import { isFolioTempFile } from '../workspace/is-folio-temp-file';
import { isEditorTempFile } from './is-editor-temp-file';
import { isSkippedFolderName } from './is-watched-content-path';

/** What varies between Folio's watchers: native events or polling (the fallback), and how often to poll. */
export interface WatchSettings {
  readonly usePolling: boolean;
  readonly interval: number;
}

/**
 * chokidar's `ignored`. With stats it can prune exactly: skipped folders are never entered,
 * symlinks are never followed or reported (the index does not list them either), and only content
 * files get a watch, which matters because chokidar 5 spends one inotify watch per file. Without
 * stats it cannot tell a folder from a file, so it only prunes by folder name and leaves the rest
 * to the per-event check.
 */
export function makeIgnored(root: string): (absPath: string, stats?: Stats) => boolean {
  return (absPath, stats) => {
    const rel = path.relative(root, absPath);
    if (rel === '') return false;
    if (rel.startsWith(`..${path.sep}`) || rel === '..' || path.isAbsolute(rel)) return true;
    const segments = rel.split(path.sep);
    if (segments.some(isSkippedFolderName)) return true;
    if (stats === undefined) return false;
    if (stats.isSymbolicLink()) return true;
    if (stats.isDirectory()) return false;
    const name = segments[segments.length - 1] ?? '';
    return !(stats.isFile() && isContentFileName(name)) || isFolioTempFile(name) || isEditorTempFile(name);
  };
}

/**
 * The chokidar configuration of the polling fallback (native events use `DirectoryWatch`),
 * wherever it runs (the watch worker or in-thread): built from plain settings because a function
 * cannot be posted to a worker.
 */
export function chokidarOptions(root: string, settings: WatchSettings): ChokidarOptions {
  return {
    persistent: true,
    ignoreInitial: true,
    followSymlinks: false,
    ignored: makeIgnored(root),
    usePolling: settings.usePolling,
    interval: settings.interval,
    binaryInterval: settings.interval,
    // No awaitWriteFinish: its size polling adds ~200 ms (2 s by default) to every event, while
    // the batch's quiet window already folds a multi-chunk write into one change; readers hash
    // what they read, so a half-written file is caught by the next change anyway.
    awaitWriteFinish: false,
    // Keep chokidar's unlink-then-add -> change folding in polling mode too (it defaults off).
    atomic: true,
  };
}
