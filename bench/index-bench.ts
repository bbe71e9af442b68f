import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import type { IndexEntry } from '../src/shared/domain/search/index-entry';
import { IndexService } from '../src/main/services/index/index-service';
import { walkContentFiles } from '../src/main/services/index/walk-content-files';
import { median } from './measure';

/** One timed index run (ms). */
export interface IndexRun {
  readonly totalMs: number;
  readonly firstChunkMs: number;
  /** Every item listed (a reopen lists from the cache before its entries are parsed). */
  readonly listedMs: number;
  readonly items: number;
  readonly parsed: number;
  readonly cached: number;
  /** Files the scan's helper worker parsed (the rest the index worker did). */
  readonly helped: number;
}

/** What `benchIndex` measures on one corpus folder, medians over `runs`. */
export interface IndexBenchResult {
  readonly items: number;
  readonly mode: 'worker' | 'inline';
  readonly floorMs: number;
  /** The index worker with its helper worker: both cores, as the app scans. */
  readonly fullIndexMs: number;
  readonly ratioToFloor: number;
  /** Share of the files the helper worker parsed in those runs. */
  readonly helpedShare: number;
  /** The same scan without a helper: the index worker alone, on one core like the floor. */
  readonly oneThreadMs: number;
  readonly oneThreadRatioToFloor: number;
  readonly firstChunkMs: number;
  /** Reopen to the full list (every item listed, rows readable). */
  readonly reopenMs: number;
  /** Reopen to every cached entry parsed and searchable (in the background after the list). */
  readonly reopenIndexedMs: number;
  readonly reopenFirstChunkMs: number;
  readonly rssMbAfterIndex: number;
  readonly heapUsedMbAfterIndex: number;
}

/** The practical floor in the same run: walk + read + cut at the fences + js-yaml, nothing else. */
export async function indexFloor(dir: string): Promise<number> {
  const start = performance.now();
  for await (const file of walkContentFiles(dir)) {
    const text = await readFile(file.absPath, 'utf8');
    const end = text.indexOf('\n---', 3);
    if (text.startsWith('---') && end > 0) {
      try {
        yaml.load(text.slice(4, end), { schema: yaml.JSON_SCHEMA });
      } catch {
        // a planted syntax error costs the same in every pipeline
      }
    }
  }
  return performance.now() - start;
}

/** Opens `dir` with a service on `dataDir` and times the scan to its first chunk and to the end. */
export async function timeIndexOpen(service: IndexService, dir: string): Promise<IndexRun> {
  const start = performance.now();
  let firstChunkMs = -1;
  const off = service.onEvent((event) => {
    if (event.kind === 'chunk' && firstChunkMs < 0 && event.paths.length > 0) firstChunkMs = performance.now() - start;
  });
  const stats = await service.open(dir);
  const totalMs = performance.now() - start;
  off();
  return { totalMs, firstChunkMs, listedMs: stats.listedMs ?? totalMs, items: stats.total, parsed: stats.parsed, cached: stats.cached, helped: stats.helped ?? 0 };
}

/**
 * Full index (worker and its helper, no cache) vs the floor, the same scan on one thread, first-chunk
 * latency, reopen from cache, and the process RSS with the index held. Everything a scan does is
 * inside the timed span, the cache's write and fsync included. Returns the entries too so the
 * search bench can reuse them.
 */
export async function benchIndex(dir: string, runs = 3): Promise<{ result: IndexBenchResult; entries: IndexEntry[] }> {
  const floors: number[] = [];
  const full: IndexRun[] = [];
  const oneThread: IndexRun[] = [];
  const reopen: IndexRun[] = [];
  const dataRoot = await mkdtemp(path.join(os.tmpdir(), 'folio-index-bench-'));
  const service = new IndexService({ dataDir: dataRoot });
  await service.boot();
  let entries: IndexEntry[] = [];
  let rss = 0;
  let heap = 0;
  try {
    await indexFloor(dir); // warm the file cache so every pipeline reads from memory
    for (let i = 0; i < runs; i++) {
      floors.push(await indexFloor(dir));
      // A fresh data folder per run: a full index with no cache to help.
      const cold = new IndexService({ dataDir: path.join(dataRoot, `run-${i}`) });
      await cold.boot();
      full.push(await timeIndexOpen(cold, dir));
      if (i === runs - 1) {
        // Collect garbage first when the bench runs with --expose-gc, so RSS is what the index holds.
        (globalThis as { gc?: () => void }).gc?.();
        rss = process.memoryUsage().rss;
        heap = process.memoryUsage().heapUsed;
        // After the memory figures: copying every entry to this thread is what the app never does.
        entries = await cold.entries();
      }
      await cold.shutdown();
      // Reopen: same data folder as that cold run, so its cache is there.
      const warm = new IndexService({ dataDir: path.join(dataRoot, `run-${i}`) });
      await warm.boot();
      reopen.push(await timeIndexOpen(warm, dir));
      await warm.shutdown();
      // The helper kept out: what the second core adds.
      const alone = new IndexService({ dataDir: path.join(dataRoot, `alone-${i}`), parallelMinFiles: Infinity });
      await alone.boot();
      oneThread.push(await timeIndexOpen(alone, dir));
      await alone.shutdown();
    }
    const floorMs = median(floors);
    const fullIndexMs = median(full.map((r) => r.totalMs));
    const oneThreadMs = median(oneThread.map((r) => r.totalMs));
    return {
      entries,
      result: {
        items: full[0]?.items ?? 0,
        mode: service.runtime.mode,
        floorMs,
        fullIndexMs,
        ratioToFloor: fullIndexMs / floorMs,
        helpedShare: median(full.map((r) => r.helped / Math.max(1, r.items))),
        oneThreadMs,
        oneThreadRatioToFloor: oneThreadMs / floorMs,
        firstChunkMs: median(full.map((r) => r.firstChunkMs)),
        reopenMs: median(reopen.map((r) => r.listedMs)),
        reopenIndexedMs: median(reopen.map((r) => r.totalMs)),
        reopenFirstChunkMs: median(reopen.map((r) => r.firstChunkMs)),
        rssMbAfterIndex: rss / 2 ** 20,
        heapUsedMbAfterIndex: heap / 2 ** 20,
      },
    };
  } finally {
    await service.shutdown();
    await rm(dataRoot, { recursive: true, force: true });
  }
}
