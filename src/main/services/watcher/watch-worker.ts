import { parentPort } from 'node:worker_threads';
import { lowerThreadPriority } from '../worker/lower-thread-priority';
import { inThreadWatcher, type WatchHandle } from './watch-handle';
import type { WatchWorkerMessage, WatchWorkerRequest } from './watch-worker-protocol';

/*
 * Worker-thread entry of the folder watcher (`inThreadWatcher`: one watch per folder, or chokidar
 * polling every file after an OS watch limit). Watching costs the main thread nothing but the
 * events, which arrive batched per turn of this loop: an event storm (a checkout touching
 * thousands of files) is looked at here, and chokidar's polling crawl (an lstat per file, seconds
 * at 50,000 files; natively it blocked main for up to 3 s) never runs on main.
 */
const port = parentPort;
if (port === null) throw new Error('watch-worker must run in a worker thread');
const post = (message: WatchWorkerMessage): void => port.postMessage(message);
// Watching is background work: the index worker and the window come first.
lowerThreadPriority();

let watcher: WatchHandle | null = null;
let queued: ['add' | 'change' | 'unlink', string][] = [];

function queue(kind: 'add' | 'change' | 'unlink', absPath: string): void {
  if (queued.length === 0) setImmediate(flush);
  queued.push([kind, absPath]);
}

function flush(): void {
  const events = queued;
  queued = [];
  if (events.length > 0) post({ type: 'events', events });
}

port.on('message', (request: WatchWorkerRequest) => {
  if (request.type === 'close') {
    flush();
    const closing = watcher;
    watcher = null;
    void (closing?.close() ?? Promise.resolve()).then(() => post({ type: 'closed' }));
    return;
  }
  if (watcher !== null) return;
  watcher = inThreadWatcher(request.root, request.settings);
  watcher.on('add', (p) => queue('add', p));
  watcher.on('change', (p) => queue('change', p));
  watcher.on('unlink', (p) => queue('unlink', p));
  watcher.on('error', (error) => {
    flush();
    const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : null;
    post({ type: 'error', message: error instanceof Error ? error.message : String(error), code });
  });
  watcher.once('ready', () => {
    flush();
    post({ type: 'watching' });
  });
});
post({ type: 'ready' });
