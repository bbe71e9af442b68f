import { watch, type FSWatcher } from 'chokidar';
import { parentPort } from 'node:worker_threads';
import { lowerThreadPriority } from '../worker/lower-thread-priority';
import { chokidarOptions } from './chokidar-options';
import type { WatchWorkerMessage, WatchWorkerRequest } from './watch-worker-protocol';

/*
 * Worker-thread entry of the folder watcher. chokidar 5 keeps one watch and its bookkeeping per
 * file: at 50,000 items its start-up crawl took ~5 s of CPU and blocked the main thread for up to
 * 3 s (every IPC answer waited), and its state took ~150 MB of heap. Here it costs the main
 * thread nothing; main receives the same events, batched per turn of this loop.
 */
const port = parentPort;
if (port === null) throw new Error('watch-worker must run in a worker thread');
const post = (message: WatchWorkerMessage): void => port.postMessage(message);
// chokidar's start-up crawl is background work: the index worker and the window come first.
lowerThreadPriority();

let watcher: FSWatcher | null = null;
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
  watcher = watch(request.root, chokidarOptions(request.root, request.settings));
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
