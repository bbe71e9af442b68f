import { parentPort } from 'node:worker_threads';
import { lowerThreadPriority } from '../worker/lower-thread-priority';
import { ValidationEngine } from './validation-engine';
import { splitSnapshot } from './split-snapshot';
import type { ValidationSnapshot, ValidationWorkerMessage, ValidationWorkerRequest } from './validation-worker-protocol';

/*
 * Worker-thread entry of validation: reading, parsing, inference, Ajv and the folder-wide rules
 * all run here, so a 10,000-item folder never blocks the main process. Requests are handled one
 * at a time, in order: the host never sends a second before the first is answered (its
 * acknowledgements of a full answer's parts aside).
 */
const port = parentPort;
if (port === null) throw new Error('validation-worker must run in a worker thread');

// Background work: the index worker and the window come first (see lowerThreadPriority). Nice 19,
// not 10: beside the window's opens and typing, a full run of 50,000 items at nice 10 still left
// tasks over 50 ms and open p95 ~205 ms (bench/editing-bench.ts, "while validation runs"); its
// results can wait, keystrokes cannot. It still uses every idle cycle.
lowerThreadPriority(19);
// Blocking reads: this thread only validates, and they cost a fraction of awaited ones.
const engine = new ValidationEngine({ blockingReads: true });
const post = (message: ValidationWorkerMessage): void => port.postMessage(message);

/** Problems per message of a full run's answer (see `splitSnapshot`): ~25 ms of main's thread each. */
const PROBLEMS_PER_PART = 2000;

/** Main's acknowledgement of the part it took in last, by request id. */
const partTaken = new Map<number, () => void>();

/**
 * Posts a run's snapshot, a full run's in parts, each after main has taken in the one before:
 * parts posted back to back would wait in main's port and be decoded in one task all the same.
 */
async function postResult(id: number, snapshot: ValidationSnapshot): Promise<void> {
  const { parts, last } = splitSnapshot(snapshot, PROBLEMS_PER_PART);
  for (const changes of parts) {
    const taken = new Promise<void>((resolve) => partTaken.set(id, resolve));
    post({ type: 'result-part', id, changes });
    await taken;
  }
  post({ type: 'result', id, snapshot: last });
}

port.on('message', (request: ValidationWorkerRequest) => {
  const fail = (error: unknown): void => post({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
  switch (request.type) {
    case 'part-taken':
      partTaken.get(request.id)?.();
      partTaken.delete(request.id);
      return;
    case 'validate-all':
      engine.validateAll(request.root).then((snapshot) => postResult(request.id, snapshot)).catch(fail);
      return;
    case 'revalidate':
      engine.revalidate(request.root, request.paths).then((snapshot) => postResult(request.id, snapshot)).catch(fail);
      return;
    case 'infer':
      engine.infer(request.root).then((schema) => post({ type: 'schema', id: request.id, schema }), fail);
      return;
    case 'infer-sample':
      engine.inferSample(request.root, request.limit).then((schema) => post({ type: 'schema', id: request.id, schema }), fail);
      return;
    case 'heap': {
      // Collected first when the process allows it (--expose-gc is inherited): what validation keeps, not its garbage.
      (globalThis as { gc?: () => void }).gc?.();
      const usage = process.memoryUsage();
      post({ type: 'heap', id: request.id, heap: { heapUsedMb: usage.heapUsed / 2 ** 20, heapTotalMb: usage.heapTotal / 2 ** 20 } });
      return;
    }
  }
});

post({ type: 'ready' });
