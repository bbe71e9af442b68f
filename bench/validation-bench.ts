import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { walkContentFiles } from '../src/main/services/index/walk-content-files';
import { ValidationService } from '../src/main/services/validation/validation-service';

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
