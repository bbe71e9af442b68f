import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FolderWatcher } from '../src/main/services/watcher/folder-watcher';
import { workerWatcherAt } from '../src/main/services/watcher/worker-watcher';
import { measureInFreshProcess } from './measure-in-fresh-process';
import { withIndexedList } from './with-indexed-list';

/** The process's memory with a folder indexed, listed and watched, as the app holds it (workers included; validation is measured by its own bench). */
export interface IndexMemory {
  readonly rssMb: number;
  readonly heapUsedMb: number;
  /** The index worker's heap after a collection (the entries, search index and list orders). */
  readonly workerHeapMb: number;
}

/** The build's worker bundles (`npm run build`), as the packaged app starts them. */
const builtWorkers = { index: path.resolve('out', 'main', 'index-worker.js'), watch: path.resolve('out', 'main', 'watch-worker.js') };

/** True when `npm run build` has emitted the worker bundles `measureIndexMemory(dir, true)` runs. */
export function workersBuilt(): boolean {
  return existsSync(builtWorkers.index) && existsSync(builtWorkers.watch);
}

/**
 * Measures in a fresh Node process (see `measureInFreshProcess`). `built`: the index and watch
 * workers run the build's bundles, as in the packaged app; otherwise they run the sources under
 * tsx, which costs each worker ~27 MB of RSS the app does not have (and main ~35 MB either way).
 */
export function measureIndexMemory(dir: string, built = false): Promise<IndexMemory> {
  return measureInFreshProcess<IndexMemory>(import.meta.filename, dir, built ? ['--built'] : []);
}

async function probe(dir: string, built: boolean): Promise<void> {
  const entries = built ? { index: pathToFileURL(builtWorkers.index), watch: pathToFileURL(builtWorkers.watch) } : null;
  await withIndexedList(dir, async (index, list) => {
    // Watched as the app watches it (one OS watch per folder, in its worker).
    const watcher = new FolderWatcher(entries === null ? {} : { createWatcher: workerWatcherAt(entries.watch) });
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
  }, entries?.index);
}

if (process.argv[1] === import.meta.filename && process.argv[2] !== undefined) await probe(process.argv[2], process.argv.includes('--built'));
