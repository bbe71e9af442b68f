import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { findWorkerEntry, startServiceWorker } from '../worker/start-service-worker';
import type { WatchSettings } from './chokidar-options';
import { inThreadWatcher, type WatchHandle } from './watch-handle';
import type { WatchWorkerMessage, WatchWorkerRequest } from './watch-worker-protocol';

/**
 * A watcher that runs in the watch worker (see watch-worker.ts), or on this thread when the worker
 * cannot start. It answers at once and emits the file events as they arrive.
 */
export class WorkerWatchHandle extends EventEmitter implements WatchHandle {
  private worker: Worker | null = null;
  private inThread: WatchHandle | null = null;
  private closed = false;
  private readonly started: Promise<void>;

  /** `entry`: the watch worker's module (default: the one beside this file, built or source). */
  constructor(
    root: string,
    settings: WatchSettings,
    private readonly entry: URL | null = findWorkerEntry('watch-worker', import.meta.url),
  ) {
    super();
    this.started = this.start(root, settings);
  }

  /** Where the watcher runs once that is settled (for tests and diagnostics); null when closed first. */
  async thread(): Promise<'worker' | 'main' | null> {
    await this.started;
    return this.worker !== null ? 'worker' : this.inThread !== null ? 'main' : null;
  }

  private async start(root: string, settings: WatchSettings): Promise<void> {
    const entry = this.entry;
    // A small young generation: a crawl (and chokidar's polling) makes short-lived garbage, and V8
    // would otherwise size it from the (default, large) old space and keep the peak.
    const worker = entry === null ? 'no watch-worker entry beside the watcher (the bundle must emit watch-worker.js)' : await startServiceWorker(entry, { maxYoungGenerationSizeMb: 16 });
    if (this.closed) {
      if (typeof worker !== 'string') await worker.terminate();
      return;
    }
    if (typeof worker === 'string') {
      this.watchInThread(root, settings, true);
      return;
    }
    this.worker = worker;
    worker.on('message', (message: WatchWorkerMessage) => this.onMessage(message));
    // A worker that dies watches nothing: carry on in this thread rather than go silently blind
    // (changes made in the moment between are missed, as they would be by any restarted watcher).
    worker.on('exit', () => {
      if (this.closed || this.worker !== worker) return;
      this.worker = null;
      this.watchInThread(root, settings, false);
    });
    // Not unref'd: like a `persistent` fs.watch, an open watch keeps the process alive.
    worker.postMessage({ type: 'watch', root, settings } satisfies WatchWorkerRequest);
  }

  private watchInThread(root: string, settings: WatchSettings, announceReady: boolean): void {
    const handle = inThreadWatcher(root, settings);
    this.inThread = handle;
    for (const kind of ['add', 'change', 'unlink'] as const) handle.on(kind, (absPath) => this.emit(kind, absPath));
    handle.on('error', (error) => this.emit('error', error));
    if (announceReady) handle.once('ready', () => this.emit('ready'));
  }

  private onMessage(message: WatchWorkerMessage): void {
    switch (message.type) {
      case 'events':
        for (const [kind, absPath] of message.events) this.emit(kind, absPath);
        return;
      case 'error':
        this.emit('error', Object.assign(new Error(message.message), message.code === null ? {} : { code: message.code }));
        return;
      case 'watching':
        this.emit('ready');
        return;
      case 'ready':
      case 'closed':
        return;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.started;
    await this.inThread?.close();
    const worker = this.worker;
    this.worker = null;
    if (worker === null) return;
    // Let the worker close its watches cleanly, but never wait on a worker that stopped answering.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      worker.on('message', (message: WatchWorkerMessage) => {
        if (message.type === 'closed') {
          clearTimeout(timer);
          resolve();
        }
      });
      worker.postMessage({ type: 'close' } satisfies WatchWorkerRequest);
    });
    await worker.terminate();
  }
}

/** The app's watcher factory: watching off the main thread. */
export function workerWatcher(root: string, settings: WatchSettings): WorkerWatchHandle {
  return new WorkerWatchHandle(root, settings);
}

/** A watcher factory whose worker runs `entry` (e.g. the build's `watch-worker.js`, for the bench). */
export function workerWatcherAt(entry: URL): (root: string, settings: WatchSettings) => WorkerWatchHandle {
  return (root, settings) => new WorkerWatchHandle(root, settings, entry);
}
