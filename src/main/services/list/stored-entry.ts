import type { IndexEntry, IndexFileMode, IndexProblem, IndexText, ProblemCounts } from '../../../shared/domain/search';
import { flatString } from '../../../shared/lib/flat-string';
import { frontMatterFacetCandidates } from '../../../shared/domain/search/facet-counts';
import { getPathValue } from '../../../shared/domain/search/get-path-value';
import { packedFacetCandidates, packedValuesAt, unpackFrontMatter, type PackedFrontMatter } from './pack-front-matter';
import { titleOf, type PreparedEntry } from './prepared-entry';

/** Rebuilt front matter of the entries read last: a row reads several columns of one entry in a row. */
const recent = new Map<StoredEntry, Readonly<Record<string, unknown>> | null>();
const recentLimit = 256;

/**
 * An index entry as the list engine holds it: its front matter packed (a shared layout and one
 * string of values, see `packFrontMatter`) and rebuilt on demand. Parsed, seed-shaped front matter
 * takes ~16 KB of V8 heap per item (hundreds of small objects); packed, ~1.7 KB of one-byte
 * string, which is what lets 50,000 items fit the main process's memory budget. Folder-wide passes (sort keys, facet labels, value suggestions) cache
 * what they derive, so the parse cost is paid once per entry, not per keystroke.
 */
export class StoredEntry implements IndexEntry {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly hash: string | null;
  readonly mode: IndexFileMode;
  readonly problems: readonly IndexProblem[];
  readonly problemCounts: ProblemCounts;
  /**
   * Always empty: the search index keeps the words it needs as postings when the entry is added,
   * so holding the title, description and body again (~0.9 KB per seed-shaped item, 45 MB at
   * 50,000) would only cost memory. Nothing reads a stored entry's text.
   */
  readonly text: IndexText = noText;
  /** The list's title (front matter `title`), kept parsed: every row and quick-open hit shows it. */
  readonly listTitle: string | null;
  /** Packed front matter, or its plain JSON once the layout table is full. */
  private readonly packed: PackedFrontMatter | string | null;

  constructor(entry: PreparedEntry) {
    this.path = entry.path;
    this.size = entry.size;
    this.mtimeMs = entry.mtimeMs;
    this.hash = entry.hash;
    this.mode = entry.mode;
    this.problems = entry.problems.length === 0 ? noProblems : entry.problems;
    // Most items have no problems: one shared record instead of one object each (~1 MB at 50,000).
    const counts = entry.problemCounts;
    this.problemCounts = counts.error === 0 && counts.warning === 0 && counts.info === 0 ? noProblemCounts : counts;
    // A copy, not a slice: a parser's substring would keep the whole file's text alive with it.
    this.listTitle = entry.title === null ? null : flatString(entry.title);
    this.packed = entry.packed;
  }

  /** The front matter, parsed from the kept JSON (the same object for the last few entries read). */
  get frontmatter(): Readonly<Record<string, unknown>> | null {
    if (this.packed === null) return null;
    let data = recent.get(this);
    if (data === undefined) {
      data = this.unpack();
      if (recent.size >= recentLimit) recent.delete(recent.keys().next().value as StoredEntry);
      recent.set(this, data);
    }
    return data;
  }

  /** The values at field paths, for folder-wide passes: from the packed values alone when the layout allows. */
  valuesAt(paths: readonly string[]): unknown[] {
    if (this.packed !== null && typeof this.packed !== 'string' && !recent.has(this)) return packedValuesAt(this.packed, paths);
    const data = this.frontmatter;
    return paths.map((path) => getPathValue(data, path));
  }

  /** Facet candidates (see `detectFacetKeys`), from the layout when the front matter is packed. */
  facetCandidates(): [string, unknown][] | null {
    if (this.packed !== null && typeof this.packed !== 'string') return packedFacetCandidates(this.packed);
    return frontMatterFacetCandidates(this);
  }

  private unpack(): Record<string, unknown> {
    return typeof this.packed === 'string' ? (JSON.parse(this.packed) as Record<string, unknown>) : unpackFrontMatter(this.packed as PackedFrontMatter);
  }

  /** A plain copy with its own parsed front matter, for callers that keep or post the entry. */
  toPlain(): IndexEntry {
    const frontmatter = this.packed === null ? null : this.unpack();
    return { path: this.path, size: this.size, mtimeMs: this.mtimeMs, hash: this.hash, mode: this.mode, frontmatter, problems: this.problems, problemCounts: this.problemCounts, text: this.text };
  }
}

const noProblems: readonly IndexProblem[] = Object.freeze([]);
const noProblemCounts: ProblemCounts = Object.freeze({ error: 0, warning: 0, info: 0 });
const noText: IndexText = Object.freeze({ title: '', description: '', body: '' });

/** The row title of any entry, without parsing a stored entry's front matter. */
export function entryTitle(entry: IndexEntry): string | null {
  return entry instanceof StoredEntry ? entry.listTitle : titleOf(entry.frontmatter);
}

/** The facet candidates of any entry, cheaply for a stored one. */
export function entryFacetCandidates(entry: IndexEntry): Iterable<readonly [string, unknown]> | null {
  return entry instanceof StoredEntry ? entry.facetCandidates() : frontMatterFacetCandidates(entry);
}

/** The values at field paths of any entry, cheaply for a stored one. */
export function entryValuesAt(entry: IndexEntry, paths: readonly string[]): unknown[] {
  if (entry instanceof StoredEntry) return entry.valuesAt(paths);
  return paths.map((path) => getPathValue(entry.frontmatter, path));
}

/** An entry fit to leave the engine (posted to another thread or kept by a caller). */
export function plainEntry(entry: IndexEntry): IndexEntry {
  return entry instanceof StoredEntry ? entry.toPlain() : entry;
}
