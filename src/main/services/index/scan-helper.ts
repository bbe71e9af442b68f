import type { Worker } from 'node:worker_threads';
import { startServiceWorker } from '../worker/start-service-worker';
import type { IndexWorkerMessage, IndexWorkerRequest, ScanFile } from './index-worker-protocol';
import type { PreparedEntry } from '../list/prepared-entry';
import { PreparedBatchDecoder } from './prepared-batch-transfer';

/** The helper's old-space limit (MB): it keeps only layouts between batches, the rest is one batch's garbage. */
const HELPER_HEAP_LIMIT_MB = 256;

/**
 * A second index worker that reads, parses and readies files for a scan: the scan's own thread
 * does the same with the rest and files every result into the list. Parsing is most of a scan,
 * and the floor it is measured against uses one core of two. Lives for one scan.
 */
export class ScanHelper {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (entries: (PreparedEntry | null)[]) => void; reject: (error: Error) => void }>();
  private readonly decoder = new PreparedBatchDecoder();
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: IndexWorkerMessage) => this.onMessage(message));
    worker.on('error', (error) => this.fail(new Error(`the scan helper failed: ${String(error)}`)));
    worker.on('exit', (code) => this.fail(new Error(`the scan helper exited with code ${code}`)));
  }

  /**
   * Starts a helper from the index worker's entry (`index-worker.js`, or `.ts` under tsx); null when
   * it cannot start (the scan then runs alone).
   */
  static async start(entry: URL): Promise<ScanHelper | null> {
    const worker = await startServiceWorker(entry, { maxOldGenerationSizeMb: HELPER_HEAP_LIMIT_MB });
    return typeof worker === 'string' ? null : new ScanHelper(worker);
  }

  /** Reads and readies `files` on the helper; one result per file (null when gone). Rejects if the helper dies. */
  prepare(files: readonly ScanFile[]): Promise<(PreparedEntry | null)[]> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'prepare', id, files } satisfies IndexWorkerRequest);
    });
  }

  /** Stops the helper; pending batches are rejected (their files are the scan's to read again). */
  async close(): Promise<void> {
    this.fail(new Error('the scan helper was closed'));
    await this.worker.terminate();
  }

  private onMessage(message: IndexWorkerMessage): void {
    if (message.type !== 'prepared' && message.type !== 'failed') return;
    const pending = this.pending.get(message.id);
    if (pending === undefined) return;
    this.pending.delete(message.id);
    if (message.type === 'failed') {
      pending.reject(new Error(message.message));
      return;
    }
    try {
      // Decoded as they arrive, which is the order the helper encoded them in.
      pending.resolve(this.decoder.decode(message.batch));
    } catch (error) {
      pending.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
