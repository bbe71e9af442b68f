import type { FrontMatterDiagnosticCode, FrontMatterSeverity } from '../frontmatter/diagnostic';

/** How an item's bytes could be read, mirroring the workspace reader's modes. */
export type IndexFileMode = 'text' | 'large' | 'binary' | 'non-utf8';

/** Problem codes an index entry can carry: the parser's, plus file-level ones found while reading. */
export type IndexProblemCode = FrontMatterDiagnosticCode | 'binary' | 'non-utf8' | 'large-file';

/** One problem found while indexing, located for the problems panel. */
export interface IndexProblem {
  readonly code: IndexProblemCode;
  readonly severity: FrontMatterSeverity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** Problem counts by severity, for the list's badge. */
export interface ProblemCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

/** The searchable text of an item, already reduced to plain words. */
export interface IndexText {
  readonly title: string;
  readonly description: string;
  /** The body with HTML tags and Markdown punctuation removed, capped in length. */
  readonly body: string;
}

/** Everything the list, facets and search know about one item, without the item's full text. */
export interface IndexEntry {
  /** Workspace-relative POSIX path. */
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /**
   * sha256 hex of the bytes as indexed (the same hash saves and conflict checks use); null when
   * the file was too large to read whole, or for a stub not read yet.
   */
  readonly hash: string | null;
  readonly mode: IndexFileMode;
  /** The parsed front matter as plain data (long strings shortened); null when it could not be read. */
  readonly frontmatter: Readonly<Record<string, unknown>> | null;
  readonly problems: readonly IndexProblem[];
  readonly problemCounts: ProblemCounts;
  readonly text: IndexText;
}

/** Counts problems by severity. */
export function countProblems(problems: readonly { readonly severity: FrontMatterSeverity }[]): ProblemCounts {
  let error = 0;
  let warning = 0;
  let info = 0;
  for (const p of problems) {
    if (p.severity === 'error') error++;
    else if (p.severity === 'warning') warning++;
    else info++;
  }
  return { error, warning, info };
}
