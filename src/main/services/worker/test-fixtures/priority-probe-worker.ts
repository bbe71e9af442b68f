import { readlinkSync } from 'node:fs';
import { getPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { lowerThreadPriority } from '../lower-thread-priority';

// Lowers its own priority and reports it when asked, for lower-thread-priority.test.ts.
const lowered = lowerThreadPriority();
const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
parentPort?.on('message', () => parentPort?.postMessage({ lowered, priority: getPriority(tid) }));
parentPort?.postMessage({ type: 'ready' });
