import type { IndexEvent } from '../index/index-service';

/** What the gate reads from the index: its events (`chunk` while a folder scans, `ready` at the end). */
export interface IndexEventSource {
  onEvent(listener: (event: IndexEvent) => void): () => void;
}

/** Options for {@link ValidationStartGate}; the defaults suit the app, tests shorten them. */
export interface ValidationStartGateOptions {
  /** The process is quiet when its threads used less than this share of one core over a window. */
  readonly quietCpuShare?: number;
  /** How long one quiet sample lasts (ms). */
  readonly quietWindowMs?: number;
  /** After the index is ready, validation starts after this long (ms) even if the process never went quiet. */
  readonly maxQuietWaitMs?: number;
  /**
   * A scan that has said nothing for this long (ms) no longer holds validation back: a scan that
   * failed emits no `ready`, and the folder's problems must still be found.
   */
  readonly indexSilenceMs?: number;
  /** CPU time used by this process so far, in microseconds (all threads); tests replace it. */
  readonly cpuMicros?: () => number;
}

/** Defaults: half a second windows under 30% of one core, at most 15 s after the scan, 30 s of a silent scan. */
export const DEFAULT_VALIDATION_START_GATE: Required<Omit<ValidationStartGateOptions, 'cpuMicros'>> = {
  quietCpuShare: 0.3,
  quietWindowMs: 500,
  maxQuietWaitMs: 15_000,
  indexSilenceMs: 30_000,
};

function processCpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/**
 * Holds a folder's first full validation back until its index scan is complete and the process
 * has gone quiet (the watcher's start-up crawl and the catch-up after it are done, no burst of
 * list queries). A full run of 50,000 items is ~54 s of CPU: started beside the scan it slowed the
 * scan and then took a core from the window exactly when the curator started searching, opening
 * and typing. Waiting costs nothing at small sizes (the scan ends in milliseconds) and the
 * problems panel says validation is still pending meanwhile (`running`).
 */
export class ValidationStartGate {
  private readonly options: Required<ValidationStartGateOptions>;
  /** Waits in progress, so `dispose` can release them (and their timers and listeners). */
  private readonly active = new Set<() => void>();

  constructor(
    private readonly index: IndexEventSource,
    options: ValidationStartGateOptions = {},
  ) {
    this.options = { ...DEFAULT_VALIDATION_START_GATE, cpuMicros: processCpuMicros, ...options };
  }

  /**
   * Call as the scan of `root` starts (the index has not answered yet, so a `ready` from an earlier
   * scan of the same folder is not mistaken for this one). Resolves once validation may start.
   */
  afterScanOf(root: string): Promise<void> {
    return new Promise<void>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | null = null;
      let unsubscribe: (() => void) | null = null;
      const finish = (): void => {
        if (timer !== null) clearTimeout(timer);
        timer = null;
        unsubscribe?.();
        unsubscribe = null;
        this.active.delete(finish);
        resolve();
      };
      this.active.add(finish);
      const arm = (ms: number, then: () => void): void => {
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(then, ms);
        // A pending gate must not keep a process (the CLI, a test) alive on its own.
        timer.unref();
      };
      const waitForQuiet = (): void => {
        unsubscribe?.();
        unsubscribe = null;
        const since = Date.now();
        let cpuAt = this.options.cpuMicros();
        let wallAt = performance.now();
        const sample = (): void => {
          const cpu = this.options.cpuMicros();
          const wall = performance.now();
          const share = (cpu - cpuAt) / 1000 / Math.max(1, wall - wallAt);
          cpuAt = cpu;
          wallAt = wall;
          if (share < this.options.quietCpuShare || Date.now() - since >= this.options.maxQuietWaitMs) finish();
          else arm(this.options.quietWindowMs, sample);
        };
        arm(this.options.quietWindowMs, sample);
      };
      unsubscribe = this.index.onEvent((event) => {
        if (event.root !== root) return;
        if (event.kind === 'ready') waitForQuiet();
        else if (event.kind === 'chunk') arm(this.options.indexSilenceMs, waitForQuiet);
      });
      arm(this.options.indexSilenceMs, waitForQuiet);
    });
  }

  /** Releases every wait (shutdown): nothing is left holding timers or index listeners. */
  dispose(): void {
    for (const finish of [...this.active]) finish();
  }
}
