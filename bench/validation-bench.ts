import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { walkContentFiles } from '../src/main/services/index/walk-content-files';
import { LiveValidationService, type ValidationWorkspace } from '../src/main/services/validation/live-validation-service';
import { ValidationService } from '../src/main/services/validation/validation-service';
import { measureInFreshProcess } from './measure-in-fresh-process';

/** Timings of one folder's validation, in milliseconds. */
export interface ValidationBenchResult {
  readonly files: number;
  readonly problems: number;
  /** Walk, read, parse, infer (or load) the schema, every rule. */
  readonly fullMs: number;
  /** CPU time of the full run (this process): steadier than wall time on a shared, loaded machine. */
  readonly fullCpuMs: number;
  /** Re-read one changed file and recompute the folder-wide rules. */
  readonly incrementalMs: number;
}

/**
 * Validates `dir` in full, then edits one file's title (restoring it afterwards) and times the
 * incremental revalidation. The lead's `npm run bench` calls this on generated corpora.
 */
export async function benchValidation(dir: string): Promise<ValidationBenchResult> {
  const service = new ValidationService(dir);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const full = await service.validateAll();
  const fullMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const fullCpuMs = (used.user + used.system) / 1000;

  let target: string | undefined;
  for await (const file of walkContentFiles(dir)) {
    target = file.relPath;
    break;
  }
  let incrementalMs = 0;
  if (target !== undefined) {
    const abs = path.join(dir, ...target.split('/'));
    const original = await readFile(abs);
    try {
      await writeFile(abs, original.toString('utf8').replace(/^title: (.*)$/m, 'title: $1 (edited)'));
      const t = performance.now();
      await service.revalidate([target]);
      incrementalMs = performance.now() - t;
    } finally {
      await writeFile(abs, original);
    }
  }
  return { files: full.files, problems: full.problems.length, fullMs, fullCpuMs, incrementalMs };
}

/** The validation worker's memory after a full run, measured in a fresh process as the app runs it. */
export interface ValidationMemory {
  /** Open to problems in main (the worker's full run and the snapshot's trip to main). */
  readonly fullMs: number;
  /** The worker's live heap after a collection: what validation keeps for incremental runs. */
  readonly workerHeapMb: number;
  /** What the worker's V8 heap holds reserved (its limit keeps this near the live size). */
  readonly workerHeapTotalMb: number;
  /** The whole process (main and the worker), after both collected. */
  readonly rssMb: number;
  /** The worker's old-space limit when the run ended (raised if the folder outgrew the default). */
  readonly heapLimitMb: number;
}

/** Validates `dir` with the live service in its worker, in a fresh Node process (see `measureInFreshProcess`). */
export function measureValidationMemory(dir: string): Promise<ValidationMemory> {
  return measureInFreshProcess<ValidationMemory>(import.meta.filename, dir);
}

async function probe(dir: string): Promise<void> {
  const sink = { emit: (): void => undefined };
  const workspace: ValidationWorkspace = {
    info: { root: dir },
    read: () => Promise.reject(new Error('not used by the bench')),
    save: () => Promise.reject(new Error('not used by the bench')),
  };
  const live = new LiveValidationService(sink, workspace, { mode: 'worker' });
  await live.boot();
  try {
    const started = performance.now();
    live.open(dir);
    await live.whenIdle();
    const fullMs = performance.now() - started;
    // Both threads collect first (--expose-gc is inherited by the worker): what validation keeps, not its garbage.
    const heap = await live.workerHeap();
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const result: ValidationMemory = { fullMs, workerHeapMb: heap?.heapUsedMb ?? NaN, workerHeapTotalMb: heap?.heapTotalMb ?? NaN, rssMb: process.memoryUsage().rss / 2 ** 20, heapLimitMb: live.workerHeapLimitMb };
    console.log(JSON.stringify(result));
  } finally {
    await live.shutdown();
  }
}

if (process.argv[1] === import.meta.filename && process.argv[2] !== undefined) await probe(process.argv[2]);
