import { parentPort } from 'node:worker_threads';
import type { IndexWorkerMessage, IndexWorkerRequest } from './index-worker-protocol';
import { readIndexEntries, scanFolder } from './scan-folder';

/*
 * Worker-thread entry of the index: scans and re-reads files off the main thread and posts entries
 * as JSON text. It keeps no index of its own, so the process holds the entries only once.
 */
const port = parentPort;
if (port === null) throw new Error('index-worker must run in a worker thread');

const cancelled = new Set<number>();
const post = (message: IndexWorkerMessage): void => port.postMessage(message);

port.on('message', (request: IndexWorkerRequest) => {
  switch (request.type) {
    case 'cancel':
      cancelled.add(request.id);
      return;
    case 'scan':
      scanFolder(request.root, {
        ...(request.cacheFile === undefined ? {} : { cacheFile: request.cacheFile }),
        ...(request.chunkSize === undefined ? {} : { chunkSize: request.chunkSize }),
        ...(request.chunkIntervalMs === undefined ? {} : { chunkIntervalMs: request.chunkIntervalMs }),
        onChunk: (chunk) => post({ type: 'chunk', id: request.id, ...chunk }),
        isCancelled: () => cancelled.has(request.id),
      }).then(
        (stats) => post({ type: 'scan-done', id: request.id, stats }),
        (error: unknown) => post({ type: 'failed', id: request.id, message: String(error) }),
      ).finally(() => cancelled.delete(request.id));
      return;
    case 'read':
      readIndexEntries(request.root, request.paths).then(
        (results) => post({ type: 'read-done', id: request.id, results }),
        (error: unknown) => post({ type: 'failed', id: request.id, message: String(error) }),
      );
      return;
  }
});

post({ type: 'ready' });
