import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { startServiceWorker } from './start-service-worker';

describe.runIf(process.platform === 'linux')('lowerThreadPriority', () => {
  it("lowers a worker thread's priority and leaves the rest of the process alone", async () => {
    const before = getPriority();
    const worker = await startServiceWorker(new URL('./test-fixtures/priority-probe-worker.ts', import.meta.url));
    if (typeof worker === 'string') throw new Error(worker);
    try {
      const report = await new Promise<{ lowered: boolean; priority: number }>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage('probe');
      });
      expect(report).toEqual({ lowered: true, priority: 10 });
      expect(getPriority()).toBe(before);
    } finally {
      await worker.terminate();
    }
  });
});
