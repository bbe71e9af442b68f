import { useMemo } from 'react';
import type { Ref } from 'react';
import { splitFrontMatter } from '../../../../shared/domain/frontmatter';
import { useFolioStore } from '../../store';
import { selectFrontMatterModel } from '../frontmatter-form';
import { bodyMarkersFromDiagnostics } from './body-markers';
import type { EditorMarker } from './editor-marker';
import { MonacoTextEditor, type EditRefusal, type MonacoTextEditorHandle } from './monaco-text-editor';

/** Props of the body editor. */
export interface BodyEditorProps {
  /**
   * Problems in body lines (line 1 is the body's first line, not the file's). When omitted, the
   * front matter parser's diagnostics that fall in the body are shown.
   */
  readonly markers?: readonly EditorMarker[];
  /** The first visible body line after the user scrolled, for the preview's scroll sync. */
  readonly onVisibleLineChange?: (line: number) => void;
  readonly ref?: Ref<MonacoTextEditorHandle>;
}

/**
 * Takes a new body unless it would move where the body starts: in a file without front matter a
 * first line of `---` would turn the body into front matter and the next edit would duplicate it.
 */
function commitBody(next: string, documentKey: string): EditRefusal | null {
  const state = useFolioStore.getState();
  if (state.document?.path !== documentKey || state.text === null) return null;
  const split = splitFrontMatter(state.text);
  const candidate = state.text.slice(0, split.bodyOffset) + next;
  if (splitFrontMatter(candidate).bodyOffset !== split.bodyOffset) {
    return { line: 1, message: 'a first line of "---" would start front matter. Add front matter in the Raw YAML tab instead.' };
  }
  if (candidate !== state.text) state.setBody(next);
  return null;
}

/**
 * Monaco on the Markdown body of the open item (the front matter is the form's and the raw YAML
 * tab's), word-wrapped, with the file's line endings. Read-only files, and files whose front
 * matter is never closed (everything after the fence would be front matter), open read-only.
 */
export function BodyEditor({ markers, onVisibleLineChange, ref }: BodyEditorProps) {
  const document = useFolioStore((s) => s.document);
  const text = useFolioStore((s) => s.text);
  const split = useMemo(() => (text === null ? null : splitFrontMatter(text)), [text]);
  // Keyed on the part before the body: typing in the body does not re-parse the YAML.
  const head = text === null || split === null ? null : text.slice(0, split.bodyOffset);
  // The diagnostics come from the parse the form already made of this text (the same as parsing
  // `head` alone): a form keystroke then costs no extra parse here (bench/editing-bench.ts).
  const parserMarkers = useMemo(() => (head === null ? [] : bodyMarkersFromDiagnostics(head, head.length, selectFrontMatterModel(useFolioStore.getState())?.diagnostics ?? [])), [head]);
  if (!document || !split) return null;
  const unclosed = split.hasFrontMatter && split.closeFence === '';
  return (
    <MonacoTextEditor
      ref={ref}
      documentKey={document.path}
      region="body"
      value={split.body}
      newline={split.newline}
      language="markdown"
      readOnly={document.readOnly !== undefined || unclosed}
      markers={markers ?? parserMarkers}
      ariaLabel="Body (Markdown)"
      onChange={commitBody}
      onVisibleLineChange={onVisibleLineChange}
    />
  );
}
