import { useEffect, useRef } from 'react';
// Reuse the body editor's Monaco setup (workers, languages, theme): Monaco is configured once.
import { monaco } from '../body-editor/monaco-host';

/** Props of a read-only side-by-side diff. */
export interface MonacoDiffViewProps {
  readonly before: string;
  readonly after: string;
  readonly ariaLabel: string;
}

/** Monaco's diff editor on two texts (front matter and body together), read-only on both sides. */
export function MonacoDiffView({ before, after, ariaLabel }: MonacoDiffViewProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = container.current;
    if (!host) return;
    const original = monaco.editor.createModel(before, 'markdown');
    const modified = monaco.editor.createModel(after, 'markdown');
    const editor = monaco.editor.createDiffEditor(host, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      wordWrap: 'on',
      diffWordWrap: 'on',
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      // Items have long front matter: fold the unchanged runs so the edited fields are in view.
      hideUnchangedRegions: { enabled: true, contextLineCount: 2, minimumLineCount: 3, revealLineCount: 10 },
      ariaLabel,
    });
    editor.setModel({ original, modified });
    return () => {
      editor.dispose();
      original.dispose();
      modified.dispose();
    };
  }, [before, after, ariaLabel]);
  return <div className="git-diff-editor" ref={container} data-testid="git-diff-editor" />;
}
