/** How a file's bytes may be shown: `text` is the only mode that can ever be edited. */
export type TextFileMode = 'text' | 'large' | 'binary' | 'non-utf8';

/** The line endings found: `mixed` also covers any lone CR (classic Mac), which the engine keeps as is. */
export type LineEnding = 'lf' | 'crlf' | 'mixed' | 'none';

/** Files larger than this open read-only in large mode; the editor would stall on them (threats row 14). */
export const MAX_EDITABLE_BYTES = 10 * 1024 * 1024;

/** A line longer than this (bytes) makes the file read-only: a 5 MB single line freezes the editor (row 14). */
export const MAX_EDITABLE_LINE_BYTES = 1024 * 1024;

/** How much of a non-editable file is decoded as a read-only preview. */
export const PREVIEW_BYTES = 64 * 1024;

/** A NUL byte within this many leading bytes marks a file as binary (the same heuristic git uses). */
export const BINARY_SNIFF_BYTES = 8 * 1024;

/** The classification of a file's bytes, before hashing and stat data are added. */
export interface ClassifiedText {
  readonly mode: TextFileMode;
  /** The full text in `text` mode (BOM kept); a preview of at most `previewBytes` otherwise. */
  readonly text: string;
  /** True when `text` is not the whole file. */
  readonly truncated: boolean;
  readonly eol: LineEnding;
  readonly hasBom: boolean;
}

/** Limits for `classifyTextBytes`; the defaults are the exported constants. */
export interface TextLimits {
  readonly maxLineBytes?: number;
  readonly previewBytes?: number;
}

/**
 * Decides whether bytes are editable UTF-8 text. `complete` is false when `bytes` is only the head
 * of a file too large to edit, which is then at best `large`.
 *
 * The BOM is kept in the text (TextDecoder's `ignoreBOM: true`) so that encoding the text again
 * yields the same bytes; the front matter engine knows to skip it.
 */
export function classifyTextBytes(bytes: Uint8Array, complete: boolean, limits: TextLimits = {}): ClassifiedText {
  const previewBytes = limits.previewBytes ?? PREVIEW_BYTES;
  const maxLineBytes = limits.maxLineBytes ?? MAX_EDITABLE_LINE_BYTES;
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { mode: 'binary', text: '', truncated: bytes.length > 0, eol: 'none', hasBom };
  }

  let decoded: string;
  try {
    // `stream` lets a head cut mid-character decode without a false non-UTF-8 verdict.
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: !complete });
  } catch {
    const head = bytes.subarray(0, previewBytes);
    const preview = new TextDecoder('utf-8', { ignoreBOM: true }).decode(head, { stream: true });
    return { mode: 'non-utf8', text: preview, truncated: head.length < bytes.length || !complete, eol: 'none', hasBom };
  }

  const { eol, longestLine } = scanLines(bytes);
  if (complete && longestLine <= maxLineBytes) {
    return { mode: 'text', text: decoded, truncated: false, eol, hasBom };
  }
  const head = bytes.subarray(0, previewBytes);
  const preview =
    head.length === bytes.length && complete
      ? decoded
      : new TextDecoder('utf-8', { ignoreBOM: true }).decode(head, { stream: true });
  return { mode: 'large', text: preview, truncated: true, eol, hasBom };
}

/** Line-ending style and longest line (bytes, by LF) of `bytes`, scanned with native indexOf for speed. */
export function scanLines(bytes: Uint8Array): { eol: LineEnding; longestLine: number } {
  let lf = 0;
  let crlf = 0;
  let longestLine = 0;
  let lineStart = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) {
    lf++;
    if (i > 0 && bytes[i - 1] === 0x0d) crlf++;
    longestLine = Math.max(longestLine, i - lineStart);
    lineStart = i + 1;
  }
  longestLine = Math.max(longestLine, bytes.length - lineStart);
  let cr = 0;
  for (let i = bytes.indexOf(0x0d); i !== -1; i = bytes.indexOf(0x0d, i + 1)) cr++;
  const loneCr = cr - crlf;
  const loneLf = lf - crlf;
  const kinds = (loneLf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (loneCr > 0 ? 1 : 0);
  let eol: LineEnding;
  if (kinds === 0) eol = 'none';
  else if (kinds > 1 || loneCr > 0) eol = 'mixed';
  else eol = crlf > 0 ? 'crlf' : 'lf';
  return { eol, longestLine };
}
