import { monaco } from './monaco-host';

/** A problem to show in an editor, in the editor's own 1-based lines and columns. */
export interface EditorMarker {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

const severities = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/**
 * Converts Folio markers to Monaco's, clamped to the model: a stale marker from a slower
 * validation run must not point past the end of the text. A marker without an end covers the rest
 * of its line's word so it stays visible (a zero-width marker is hard to see and hover).
 */
export function toMonacoMarkers(model: monaco.editor.ITextModel, markers: readonly EditorMarker[]): monaco.editor.IMarkerData[] {
  const lineCount = model.getLineCount();
  return markers.map((marker) => {
    const line = Math.min(Math.max(1, marker.line), lineCount);
    const maxColumn = model.getLineMaxColumn(line);
    const column = Math.min(Math.max(1, marker.column), maxColumn);
    let endLine = Math.min(Math.max(line, marker.endLine ?? line), lineCount);
    let endColumn = Math.min(Math.max(1, marker.endColumn ?? maxColumn), model.getLineMaxColumn(endLine));
    if (endLine === line && endColumn <= column) {
      // Nothing to underline on an empty stretch: underline the whole line instead.
      endLine = line;
      endColumn = maxColumn > column ? maxColumn : column + 1;
    }
    return { startLineNumber: line, startColumn: column, endLineNumber: endLine, endColumn, severity: severities[marker.severity], message: marker.message };
  });
}
