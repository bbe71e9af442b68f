import { readIndexFileSync } from './read-index-entry';
import type { PreparedEntry } from '../list/prepared-entry';
import { scanFile, scanFileBytes } from './scan-file';
import type { WalkedFile } from './walk-content-files';

/** A read slower than this (ms per file, on average over a batch) means the disk, not the file cache, answers. */
const SLOW_READ_MS = 0.25;
/** Batches read with awaited, overlapping reads after a slow one, before blocking reads are tried again. */
const AWAITED_BATCHES = 16;

/**
 * Reads a scan's batches with blocking reads, which cost a fraction of awaited ones when the
 * files are in the file cache (the usual case: a folder opened again, or just written), and
 * switches to awaited reads, which overlap on the disk while this thread parses, when a batch
 * shows the disk is answering (a first open after boot).
 */
export class AdaptiveScanReader {
  private awaitedBatches = 0;
  /** Batches read so far with awaited reads (for tests and tuning). */
  awaitedReads = 0;

  constructor(private readonly slowReadMs: number = SLOW_READ_MS) {}

  /** Reads, parses and readies a batch of files; one result per file (null when gone). */
  async read(files: readonly WalkedFile[]): Promise<(PreparedEntry | null)[]> {
    if (this.awaitedBatches > 0) {
      this.awaitedBatches--;
      this.awaitedReads++;
      return Promise.all(files.map(scanFile));
    }
    const results: (PreparedEntry | null)[] = [];
    let readMs = 0;
    for (const file of files) {
      const start = performance.now();
      const read = readIndexFileSync(file.absPath);
      readMs += performance.now() - start;
      results.push(scanFileBytes(file.relPath, read));
    }
    if (files.length > 0 && readMs / files.length > this.slowReadMs) this.awaitedBatches = AWAITED_BATCHES;
    return results;
  }
}
