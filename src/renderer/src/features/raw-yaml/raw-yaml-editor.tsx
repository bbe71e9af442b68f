import { useMemo } from 'react';
import type { Ref } from 'react';
import { parseFrontMatterDocument, splitFrontMatter } from '../../../../shared/domain/frontmatter';
import { useFolioStore } from '../../store';
import { MonacoTextEditor, type EditRefusal, type EditorMarker, type MonacoTextEditorHandle } from '../body-editor';
import { frontMatterMarkers } from './front-matter-markers';

/** Props of the raw YAML editor. */
export interface RawYamlEditorProps {
  readonly ref?: Ref<MonacoTextEditorHandle>;
  /** Validation problems of the front matter (schema, dates, mirrors...), in front matter lines. */
  readonly problems?: readonly EditorMarker[];
}

const FENCE_LINE = /^(?:---|\.\.\.)[ \t]*$/;

function fenceLine(frontMatter: string): number {
  const lines = frontMatter.split(/\r\n|\r|\n/);
  return lines.findIndex((line) => FENCE_LINE.test(line)) + 1;
}

/**
 * Rebuilds the file around new front matter text (`bom + openFence + frontMatter + closeFence +
 * body`) and hands it to the store. A file without front matter gets fences in its own line
 * ending; a line of `---` or `...` that would end the block early, or a last line without its
 * break, is refused (kept in the editor, marked) rather than letting the YAML and the body mix.
 */
function commitFrontMatter(next: string, documentKey: string): EditRefusal | null {
  const state = useFolioStore.getState();
  if (state.document?.path !== documentKey || state.text === null) return null;
  const split = splitFrontMatter(state.text);
  // The closing fence needs its own line. Adding the break for the user would put an edit in the
  // undo history that undoing re-triggers, so the text waits until the user types it.
  const closed = !split.hasFrontMatter || split.closeFence !== '';
  if (closed && next !== '' && !/[\r\n]$/.test(next)) {
    return { line: next.split(/\r\n|\r|\n/).length, message: 'the closing "---" needs its own line: end the front matter with a line break.' };
  }
  const frontMatter = next;
  const create = !split.hasFrontMatter && frontMatter !== '';
  const openFence = create ? `---${split.newline}` : split.openFence;
  const closeFence = create ? `---${split.newline}` : split.closeFence;
  const candidate = split.bom + openFence + frontMatter + closeFence + split.body;
  // An unclosed block may be closed from here; a closed one must keep its boundary.
  if (closed && frontMatter !== '' && splitFrontMatter(candidate).frontMatter !== frontMatter) {
    return { line: Math.max(1, fenceLine(frontMatter)), message: 'a line of only "---" or "..." would end the front matter here. Indent it or quote it.' };
  }
  if (candidate !== state.text) state.setText(candidate);
  return null;
}

/**
 * Monaco (YAML) on the front matter text only. Edits rebuild the whole file around it and go to
 * the store's `setText`; YAML problems show as markers on front matter lines. The form and this
 * editor follow each other through the buffer: form edits arrive here as undoable edits.
 */
export function RawYamlEditor({ ref, problems }: RawYamlEditorProps) {
  const document = useFolioStore((s) => s.document);
  const text = useFolioStore((s) => s.text);
  const split = useMemo(() => (text === null ? null : splitFrontMatter(text)), [text]);
  // Keyed on the part before the body: body typing does not re-parse the YAML.
  const head = text === null || split === null ? null : text.slice(0, split.bodyOffset);
  const frontMatterOffset = split?.frontMatterOffset ?? 0;
  const frontMatterLength = split?.frontMatter.length ?? 0;
  const syntaxMarkers = useMemo(
    () => (head === null ? [] : frontMatterMarkers(head, frontMatterOffset, frontMatterLength, parseFrontMatterDocument(head).diagnostics)),
    [head, frontMatterOffset, frontMatterLength],
  );
  const markers = useMemo(() => (problems && problems.length > 0 ? [...syntaxMarkers, ...problems] : syntaxMarkers), [syntaxMarkers, problems]);
  if (!document || !split) return null;
  return (
    <MonacoTextEditor
      ref={ref}
      documentKey={document.path}
      region="front-matter"
      value={split.frontMatter}
      newline={split.newline}
      language="yaml"
      readOnly={document.readOnly !== undefined}
      markers={markers}
      ariaLabel="Front matter (YAML)"
      onChange={commitFrontMatter}
    />
  );
}
