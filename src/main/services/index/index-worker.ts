import { parentPort } from 'node:worker_threads';
import { IndexHost } from './index-host';
import type { IndexWorkerMessage, IndexWorkerRequest } from './index-worker-protocol';

/*
 * Worker-thread entry of the index: the host scans, holds the entries and answers the list's
 * queries here, so the main thread never parses or keeps a folder's worth of entries.
 */
const port = parentPort;
if (port === null) throw new Error('index-worker must run in a worker thread');

// This module is the worker's entry (bundled or not): a scan's helper runs another copy of it.
const host = new IndexHost((message: IndexWorkerMessage) => port.postMessage(message), new URL(import.meta.url));
port.on('message', (request: IndexWorkerRequest) => host.handle(request));
port.postMessage({ type: 'ready' } satisfies IndexWorkerMessage);
