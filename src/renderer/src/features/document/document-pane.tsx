import { useFolioStore } from '../../store';

const readOnlyLabels = {
  binary: 'Binary file: shown for reference, never edited.',
  'non-utf8': 'Not UTF-8 text: shown for reference, never edited.',
  large: 'Large file: only the start is shown, read-only.',
  'unsupported-front-matter': 'Front matter in a language Folio does not run: read-only.',
  symlink: 'Link to a file outside the folder: not opened.',
} as const;

/**
 * The open item. For now its raw text, read-only; the form, Monaco and preview move in here
 * (issues 5 and 6).
 */
export function DocumentPane() {
  const path = useFolioStore((s) => s.selectedPath);
  const document = useFolioStore((s) => s.document);
  const text = useFolioStore((s) => s.text);
  const error = useFolioStore((s) => s.documentError);
  const deleted = useFolioStore((s) => s.deletedOnDisk);
  if (!path) return <section className="document-pane empty">Select an item to open it.</section>;
  return (
    <section className="document-pane" aria-label="Open item">
      <h2 className="document-path">{path}</h2>
      {error && <p className="error" role="alert">{error}</p>}
      {deleted && (
        <p className="notice notice-warning" role="status">
          This file was deleted or renamed on disk. Its last content stays here; nothing is recreated.
        </p>
      )}
      {document?.readOnly && <p className="badge">{readOnlyLabels[document.readOnly]}</p>}
      {document && document.path === path && (
        <pre className="raw-text" aria-label="Raw text" tabIndex={0}>
          {text}
        </pre>
      )}
    </section>
  );
}
