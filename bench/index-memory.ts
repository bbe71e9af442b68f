import { FolderWatcher } from '../src/main/services/watcher/folder-watcher';
import { measureInFreshProcess } from './measure-in-fresh-process';
import { withIndexedList } from './with-indexed-list';

/** The process's memory with a folder indexed, listed and watched, as the app holds it (workers included; validation is measured by its own bench). */
export interface IndexMemory {
  readonly rssMb: number;
  readonly heapUsedMb: number;
  /** The index worker's heap after a collection (the entries, search index and list orders). */
  readonly workerHeapMb: number;
}

/** Measures in a fresh Node process (see `measureInFreshProcess`). */
export function measureIndexMemory(dir: string): Promise<IndexMemory> {
  return measureInFreshProcess<IndexMemory>(import.meta.filename, dir);
}

async function probe(dir: string): Promise<void> {
  await withIndexedList(dir, async (index, list) => {
    // Watched as the app watches it (chokidar in its worker): at 50,000 files chokidar 5's
    // per-file watches are a large share of the process.
    const watcher = new FolderWatcher();
    await watcher.start(dir);
    // One query builds what a keystroke keeps: sorted order, facet labels.
    await list.query({ text: '', facets: {}, sort: null });
    await list.facets({ text: '', facets: {} });
    // Both threads collect first (node runs with --expose-gc, which the worker inherits): RSS is
    // what the index keeps, not the scan's garbage.
    const worker = await index.call('heap');
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const usage = process.memoryUsage();
    console.log(JSON.stringify({ rssMb: usage.rss / 2 ** 20, heapUsedMb: usage.heapUsed / 2 ** 20, workerHeapMb: worker.heapUsedMb } satisfies IndexMemory));
    await watcher.close();
  });
}

if (process.argv[1] === import.meta.filename && process.argv[2] !== undefined) await probe(process.argv[2]);
