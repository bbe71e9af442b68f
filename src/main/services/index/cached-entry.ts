import type { IndexFileMode, IndexProblem, ProblemCounts } from '../../../shared/domain/search/index-entry';
import { adoptPacked, packedLayoutKey } from '../list/pack-front-matter';
import type { PreparedEntry } from '../list/prepared-entry';

/**
 * One cache line: `[path, size, mtimeMs, hash, mode, problems, problemCounts, title, packed, folded
 * title, words]`, where `packed` is `[layout index, values]` into the cache's layout table, the
 * plain front matter JSON, or null. The entry is cached as the list engine holds it, so a reopen
 * files cached entries without packing or tokenising them again, and writing one costs the
 * stringifying of a few strings instead of a whole parsed front matter.
 */
type CachedLine = [string, number, number, string | null, IndexFileMode, IndexProblem[], ProblemCounts, string | null, [number, string] | string | null, string, string];

const modes = new Set<unknown>(['text', 'large', 'binary', 'non-utf8']);

/** The cache line of an entry; `layoutIndex` numbers its front matter layout in the cache being written. */
export function encodeCachedEntry(entry: PreparedEntry, layoutIndex: (key: string) => number): string {
  const { packed } = entry;
  const stored = packed === null || typeof packed === 'string' ? packed : ([layoutIndex(packedLayoutKey(packed)), packed.values] as [number, string]);
  const line: CachedLine = [entry.path, entry.size, entry.mtimeMs, entry.hash, entry.mode, [...entry.problems], entry.problemCounts, entry.title, stored, entry.words.title, entry.words.words];
  return JSON.stringify(line);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The entry of a cache line, checked just enough to trust it in the list; null for a damaged or foreign line. */
export function decodeCachedEntry(json: string | null, relPath: string, layouts: readonly string[]): PreparedEntry | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 11) return null;
  const [path, size, mtimeMs, hash, mode, problems, problemCounts, title, packed, foldedTitle, words] = value as unknown[];
  if (path !== relPath || typeof size !== 'number' || typeof mtimeMs !== 'number' || (hash !== null && typeof hash !== 'string') || !modes.has(mode) || !Array.isArray(problems) || !isObject(problemCounts)) return null;
  if ((title !== null && typeof title !== 'string') || typeof foldedTitle !== 'string' || typeof words !== 'string') return null;
  let front: PreparedEntry['packed'];
  if (packed === null || typeof packed === 'string') front = packed;
  else {
    if (!Array.isArray(packed) || packed.length !== 2 || typeof packed[1] !== 'string') return null;
    const key = layouts[packed[0] as number];
    if (typeof key !== 'string') return null;
    try {
      front = adoptPacked(key, packed[1]);
    } catch {
      return null;
    }
  }
  return {
    path: relPath,
    size,
    mtimeMs,
    hash,
    mode: mode as IndexFileMode,
    problems: problems as IndexProblem[],
    problemCounts: problemCounts as unknown as ProblemCounts,
    title,
    packed: front,
    words: { title: foldedTitle, words },
  };
}
