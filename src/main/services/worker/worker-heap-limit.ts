import type { ResourceLimits } from 'node:worker_threads';

/** Doubling stops here; past it a service works in-thread rather than start ever larger workers. */
const MAX_HEAP_LIMIT_MB = 8192;
/**
 * Young generation of a service worker (MB). V8 sizes it from the old-space limit otherwise; a
 * scan's or a validation run's garbage is short-lived either way, and 16 MB measured the same run
 * time at 10,000 items with ~50 MB less RSS at 50,000.
 */
const YOUNG_GENERATION_MB = 16;

/**
 * A service worker's old-space limit, doubled each time the worker runs out of memory. V8 lets a
 * heap grow to several times its live size when the limit is 2 GB or more (Node's default here is
 * 4 GB) and to ~1.4x at a few hundred MB: the limit is what keeps a worker near what it holds.
 */
export class WorkerHeapLimit {
  private mb: number;

  constructor(initialMb: number) {
    this.mb = initialMb;
  }

  /** The current old-space limit (MB). */
  get limitMb(): number {
    return this.mb;
  }

  /** What to start the worker with. */
  get resourceLimits(): ResourceLimits {
    return { maxOldGenerationSizeMb: this.mb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  }

  /** Doubles the limit after an out-of-memory; false (limit unchanged) when that would pass the ceiling. */
  grow(): boolean {
    if (this.mb * 2 > MAX_HEAP_LIMIT_MB) return false;
    this.mb *= 2;
    return true;
  }
}
