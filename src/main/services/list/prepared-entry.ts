import { indexWords, type IndexWords } from '../../../shared/domain/search/index-words';
import type { IndexEntry, IndexFileMode, IndexProblem, ProblemCounts } from '../../../shared/domain/search/index-entry';
import { packFrontMatter, unpackFrontMatter, type PackedFrontMatter } from './pack-front-matter';

/**
 * An index entry readied for the list engine: front matter packed, title picked, words tokenised.
 * That is the costly part of adding an item, so a scan does it on whichever thread parsed the
 * file; the engine then only files it (`ListEngine.addScanned`).
 */
export interface PreparedEntry {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly hash: string | null;
  readonly mode: IndexFileMode;
  readonly problems: readonly IndexProblem[];
  readonly problemCounts: ProblemCounts;
  /** The list's title (front matter `title` when text or a number). */
  readonly title: string | null;
  /** Packed front matter, its plain JSON once the layout table is full, or null. */
  readonly packed: PackedFrontMatter | string | null;
  readonly words: IndexWords;
}

/** True for a prepared entry, false for a plain index entry. */
export function isPreparedEntry(entry: IndexEntry | PreparedEntry): entry is PreparedEntry {
  return 'words' in entry;
}

/** The title a row shows: front matter `title` when it is text or a number. */
export function titleOf(frontmatter: Readonly<Record<string, unknown>> | null): string | null {
  const title = frontmatter?.['title'];
  return typeof title === 'string' ? title : typeof title === 'number' ? String(title) : null;
}

/** Readies an index entry for the list engine (see `PreparedEntry`). */
export function prepareEntry(entry: IndexEntry): PreparedEntry {
  return {
    path: entry.path,
    size: entry.size,
    mtimeMs: entry.mtimeMs,
    hash: entry.hash,
    mode: entry.mode,
    problems: entry.problems,
    problemCounts: entry.problemCounts,
    title: titleOf(entry.frontmatter),
    packed: entry.frontmatter === null ? null : (packFrontMatter(entry.frontmatter) ?? JSON.stringify(entry.frontmatter)),
    words: indexWords(entry.text),
  };
}

/** A plain index entry back from a prepared one: its front matter rebuilt, its text not kept (the words are). */
export function toIndexEntry(entry: PreparedEntry): IndexEntry {
  const { packed } = entry;
  const frontmatter = packed === null ? null : typeof packed === 'string' ? (JSON.parse(packed) as Record<string, unknown>) : unpackFrontMatter(packed);
  return { path: entry.path, size: entry.size, mtimeMs: entry.mtimeMs, hash: entry.hash, mode: entry.mode, frontmatter, problems: entry.problems, problemCounts: entry.problemCounts, text: { title: '', description: '', body: '' } };
}
