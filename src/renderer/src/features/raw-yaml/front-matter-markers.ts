import { positionAt, type FrontMatterDiagnostic } from '../../../../shared/domain/frontmatter';
import type { EditorMarker } from '../body-editor';

/**
 * Maps file-level diagnostics onto front matter lines (file line minus the line the front matter
 * starts on, plus one). Problems on the fences themselves are pinned to the first or last line.
 */
export function frontMatterMarkers(text: string, frontMatterOffset: number, frontMatterLength: number, diagnostics: readonly FrontMatterDiagnostic[]): EditorMarker[] {
  const first = positionAt(text, frontMatterOffset);
  const last = positionAt(text, frontMatterOffset + frontMatterLength);
  const lastLine = Math.max(1, last.line - first.line + 1);
  const toLocal = (line: number, column: number) => {
    if (line < first.line) return { line: 1, column: 1 };
    const local = line - first.line + 1;
    return local > lastLine ? { line: lastLine, column: 1 } : { line: local, column };
  };
  return diagnostics.map((diagnostic) => {
    const start = toLocal(diagnostic.line, diagnostic.column);
    const endPosition = positionAt(text, diagnostic.endOffset);
    const end = toLocal(endPosition.line, endPosition.column);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, severity: diagnostic.severity, message: diagnostic.message };
  });
}
