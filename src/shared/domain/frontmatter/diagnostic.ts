/**
 * Every problem the front matter engine can report, as a closed union so callers can react to
 * each one (a read-only banner, a problems-panel entry, a refused edit) without parsing messages.
 */
export type FrontMatterDiagnosticCode =
  | 'unsupported-language'
  | 'unclosed-fence'
  | 'bom-before-fence'
  | 'yaml-syntax'
  | 'tab-indentation'
  | 'duplicate-key'
  | 'too-large'
  | 'too-deep'
  | 'alias-limit'
  | 'unknown-tag'
  | 'merge-key'
  | 'not-a-mapping'
  | 'read-only'
  | 'path-not-found'
  | 'invalid-edit';

/** How much a diagnostic matters: only `error` makes a document read-only. */
export type FrontMatterSeverity = 'error' | 'warning' | 'info';

/** One problem, located in the whole FILE (not just the front matter), written for a curator. */
export interface FrontMatterDiagnostic {
  readonly code: FrontMatterDiagnosticCode;
  readonly severity: FrontMatterSeverity;
  readonly message: string;
  /** UTF-16 offset in the whole file text where the problem starts. */
  readonly offset: number;
  /** UTF-16 offset in the whole file text where the problem ends (>= offset). */
  readonly endOffset: number;
  /** 1-based line in the whole file. */
  readonly line: number;
  /** 1-based column (UTF-16 code units) in the whole file. */
  readonly column: number;
  /** Field path such as `a.b.0.c`, when the problem belongs to one field. */
  readonly path?: string;
}

/** 1-based line and column of a UTF-16 offset; only `\n` counts as a line break (CRLF ends in one). */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  // indexOf jumps are much faster than a char loop on large files.
  for (let i = text.indexOf('\n'); i !== -1 && i < clamped; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: clamped - lineStart + 1 };
}

/** Builds a diagnostic, computing line and column from the file text so callers cannot get them wrong. */
export function createDiagnostic(
  fileText: string,
  code: FrontMatterDiagnosticCode,
  severity: FrontMatterSeverity,
  message: string,
  offset: number,
  endOffset: number = offset,
  path?: string,
): FrontMatterDiagnostic {
  const { line, column } = positionAt(fileText, offset);
  const base = { code, severity, message, offset, endOffset: Math.max(offset, endOffset), line, column };
  return path === undefined ? base : { ...base, path };
}

/** True when any diagnostic is an error, i.e. the front matter must be treated as read-only. */
export function hasErrors(diagnostics: readonly FrontMatterDiagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
