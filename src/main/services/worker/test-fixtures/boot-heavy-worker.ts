import { parentPort } from 'node:worker_threads';

// Holds ~24 MB of live objects before saying it is ready, for start-service-worker.test.ts: a
// worker whose boot alone outgrows a small heap limit.
const held: number[][] = [];
for (let i = 0; i < 24 * 1024; i += 1) held.push(Array.from({ length: 128 }, (_, j) => i + j + 0.5));
parentPort?.on('message', () => parentPort?.postMessage({ held: held.length }));
parentPort?.postMessage({ type: 'ready' });
