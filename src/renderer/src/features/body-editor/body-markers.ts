import { positionAt, type FrontMatterDiagnostic } from '../../../../shared/domain/frontmatter';
import type { EditorMarker } from './editor-marker';

/**
 * Maps file-level diagnostics onto body lines (file line minus the body's first line, plus one),
 * keeping only those that start inside the body; front matter problems belong to the raw YAML
 * editor and the form.
 */
export function bodyMarkersFromDiagnostics(text: string, bodyOffset: number, diagnostics: readonly FrontMatterDiagnostic[]): EditorMarker[] {
  const first = positionAt(text, bodyOffset);
  const markers: EditorMarker[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.offset < bodyOffset) continue;
    const end = positionAt(text, diagnostic.endOffset);
    const toBody = (line: number, column: number) => ({ line: line - first.line + 1, column: line === first.line ? column - first.column + 1 : column });
    const start = toBody(diagnostic.line, diagnostic.column);
    const stop = toBody(end.line, end.column);
    markers.push({ line: start.line, column: start.column, endLine: stop.line, endColumn: stop.column, severity: diagnostic.severity, message: diagnostic.message });
  }
  return markers;
}
