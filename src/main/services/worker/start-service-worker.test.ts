import { describe, expect, it } from 'vitest';
import { startServiceWorker } from './start-service-worker';
import { WorkerHeapLimit } from './worker-heap-limit';

const heavy = new URL('./test-fixtures/boot-heavy-worker.ts', import.meta.url);

describe('startServiceWorker', () => {
  it('starts a worker whose boot outgrows its heap limit again with the limit doubled', async () => {
    const limit = new WorkerHeapLimit(4);
    const worker = await startServiceWorker(heavy, limit);
    if (typeof worker === 'string') throw new Error(worker);
    try {
      expect(limit.limitMb).toBeGreaterThan(4);
      const reply = await new Promise<{ held: number }>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage('probe');
      });
      expect(reply.held).toBe(24 * 1024);
    } finally {
      await worker.terminate();
    }
  });

  it('gives the reason, not a worker, when plain resource limits are too small to boot', async () => {
    const result = await startServiceWorker(heavy, { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 });
    if (typeof result !== 'string') {
      await result.terminate();
      throw new Error('a worker started within 4 MB');
    }
    expect(result).toMatch(/memory/i);
  });
});
