/** The folder watcher: batched, coalesced change events with own-write suppression and a polling fallback. */
export {
  FolderWatcher,
  POLLING_FALLBACK_NOTICE,
  type BatchListener,
  type FolderWatcherOptions,
  type NoticeListener,
} from './folder-watcher';
export { chokidarOptions, type WatchSettings } from './chokidar-options';
export { inThreadWatcher, type WatchHandle, type WatcherFactory } from './watch-handle';
export { workerWatcher } from './worker-watcher';
export { coalesceChanges } from './coalesce-changes';
export { isEditorTempFile } from './is-editor-temp-file';
export { isSkippedFolderName, isWatchedContentPath } from './is-watched-content-path';
export { OWN_WRITE_TTL_MS, OwnWriteRegistry, type ReadCurrentHash } from './own-write-registry';
