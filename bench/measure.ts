/** One measured pipeline: the median and spread of several runs, in milliseconds. */
export interface Measurement {
  readonly name: string;
  readonly runs: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** The median of a set of timings (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (nearest rank) of timings already sorted ascending (0 for none). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/** Every prefix of a phrase, as typed one key at a time. */
export function keystrokes(phrase: string): string[] {
  return Array.from({ length: phrase.length }, (_, i) => phrase.slice(0, i + 1));
}

/**
 * Runs every pipeline `runs` times, interleaved (A B C, A B C, ...) so drift on a shared machine
 * hits them all alike; ratios between them are what the targets are written against.
 */
export async function measureInterleaved(pipelines: readonly { name: string; run: () => Promise<unknown> }[], runs: number): Promise<Measurement[]> {
  const times = new Map<string, number[]>(pipelines.map((p) => [p.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const pipeline of pipelines) {
      const start = performance.now();
      await pipeline.run();
      times.get(pipeline.name)!.push(performance.now() - start);
    }
  }
  return pipelines.map((p) => {
    const values = times.get(p.name)!;
    return { name: p.name, runs: values, median: median(values), min: Math.min(...values), max: Math.max(...values) };
  });
}
