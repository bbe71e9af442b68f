import type { FrontMatterDiagnosticCode } from '../frontmatter/diagnostic';

/** How much a problem matters: only `error` fails `folio validate`. */
export type ProblemSeverity = 'error' | 'warning' | 'info';

/**
 * Every kind of problem Folio reports, closed so the Problems panel can filter and the form can
 * react without parsing messages. Front matter parser codes are carried over unchanged.
 */
export type ProblemCode =
  | FrontMatterDiagnosticCode
  /** The file itself cannot be read as text. */
  | 'unreadable'
  | 'binary'
  | 'non-utf8'
  | 'large'
  /** A symlinked content file: never read through, so never validated. */
  | 'symlink'
  /** The folder's schema file cannot be used. */
  | 'schema-invalid'
  /** JSON Schema violations. */
  | 'missing-required'
  | 'wrong-type'
  | 'not-in-enum'
  | 'invalid-format'
  | 'schema-rule'
  /** Folio's own rules. */
  | 'impossible-date'
  | 'date-format'
  | 'duplicate-slug'
  | 'duplicate-id'
  | 'duplicate-value'
  | 'duplicate-title'
  | 'mirror-drift'
  | 'dangling-relation'
  | 'broken-link'
  | 'missing-image';

/** A fix whose result is obvious, as data; the app applies it as a `set` edit of `field`. */
export interface QuickFix {
  readonly kind: 'sync-mirror' | 'normalize-date' | 'unique-slug';
  readonly file: string;
  /** Dotted field path (`a.b.0.c`). */
  readonly field: string;
  /** The value to set. */
  readonly value: string;
  /** What the fix does, for a menu. */
  readonly title: string;
}

/** One problem in the folder, located in a file (1-based line and column). */
export interface Problem {
  /** Workspace-relative POSIX path. */
  readonly file: string;
  readonly severity: ProblemSeverity;
  readonly code: ProblemCode;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** Dotted path of the field concerned, when there is one. */
  readonly field?: string;
  readonly fix?: QuickFix;
}

/** Orders problems by file, line, column, then code, so output is the same on every run. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
