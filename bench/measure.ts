/** One measured pipeline: the median and spread of several runs, in milliseconds. */
export interface Measurement {
  readonly name: string;
  readonly runs: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
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
