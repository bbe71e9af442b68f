/**
 * Pure helpers that keep a Monaco model and a region of Folio's buffer (the body or the front
 * matter) in step without `setValue`, and without Monaco's single-EOL normalisation leaking into
 * the file: lines the user did not touch keep their own endings, even in mixed-EOL files.
 */

/** One replaced range, 1-based lines and columns as Monaco reports them (before the edit). */
export interface LineRangeChange {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
  readonly text: string;
}

/** The smallest single replacement turning `from` into `to`, as offsets in `from`. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Offsets where each line starts. Breaks are `\r\n`, `\n` and a lone `\r`, the same three Monaco
 * splits lines on, so line numbers agree with the model's.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i += 1;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Rewrites every line break in `text` as `newline`. */
export function normalizeEol(text: string, newline: string): string {
  return text.replace(/\r\n|\r|\n/g, newline);
}

function offsetOf(text: string, starts: readonly number[], line: number, column: number): number {
  const lineStart = starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0;
  return Math.min(lineStart + Math.max(column, 1) - 1, text.length);
}

/**
 * Applies a model's content changes to the buffer's copy of the same text. Positions are read as
 * line/column, so a CRLF or mixed buffer and an LF-or-CRLF model agree; inserted line breaks are
 * written as `newline`. The changes of one Monaco event all refer to the text before it and never
 * overlap, so applying them from the end backwards keeps earlier positions valid.
 */
export function applyLineChanges(text: string, changes: readonly LineRangeChange[], newline: string): string {
  if (changes.length === 0) return text;
  const starts = lineStarts(text);
  const edits = changes
    .map((change) => ({
      start: offsetOf(text, starts, change.startLineNumber, change.startColumn),
      end: offsetOf(text, starts, change.endLineNumber, change.endColumn),
      text: normalizeEol(change.text, newline),
    }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/**
 * The one replacement (common prefix and suffix kept) that turns `from` into `to`; null when they
 * are equal. Never cuts a `\r\n` pair in two, so positions map to whole lines in the model.
 */
export function minimalEdit(from: string, to: string): OffsetEdit | null {
  if (from === to) return null;
  const limit = Math.min(from.length, to.length);
  let prefix = 0;
  while (prefix < limit && from.charCodeAt(prefix) === to.charCodeAt(prefix)) prefix += 1;
  if (prefix > 0 && from.charCodeAt(prefix - 1) === 13) prefix -= 1;
  let suffix = 0;
  while (suffix < limit - prefix && from.charCodeAt(from.length - 1 - suffix) === to.charCodeAt(to.length - 1 - suffix)) suffix += 1;
  if (suffix > 0 && from.charCodeAt(from.length - suffix) === 10 && from.charCodeAt(from.length - suffix - 1) === 13) suffix -= 1;
  return { start: prefix, end: from.length - suffix, text: to.slice(prefix, to.length - suffix) };
}
