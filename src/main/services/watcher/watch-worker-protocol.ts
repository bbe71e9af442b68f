import type { WatchSettings } from './chokidar-options';

/** What main asks the watch worker: watch one folder, then close. */
export type WatchWorkerRequest = { readonly type: 'watch'; readonly root: string; readonly settings: WatchSettings } | { readonly type: 'close' };

/** The watcher's events as the watch worker forwards them: file events batched per turn of its loop. */
export type WatchWorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'watching' }
  | { readonly type: 'events'; readonly events: readonly (readonly ['add' | 'change' | 'unlink', string])[] }
  | { readonly type: 'error'; readonly message: string; readonly code: string | null }
  | { readonly type: 'closed' };
