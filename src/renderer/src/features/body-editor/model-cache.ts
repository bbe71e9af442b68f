import { monaco } from './monaco-host';

/** Which part of the open file a model holds. */
export type EditorRegion = 'body' | 'front-matter';

interface CachedModel {
  /** The document the model holds now ('' for none: warmed up before the first open); a model is refilled for the next document. */
  documentKey: string;
  readonly model: monaco.editor.ITextModel;
  viewState: monaco.editor.ICodeEditorViewState | null;
}

/** One model per region: the open document's. */
const cache = new Map<EditorRegion, CachedModel>();

/**
 * The model for one region of the open document. Models outlive the editor widgets (a Revert or a
 * tab switch remounts the editor) so their undo history survives. Another document's model is
 * refilled, not replaced: `setValue` drops that document's undo history and decorations, and an
 * editor already showing the model only re-renders its lines on the next frame, where a new model
 * made it build a new view and lay the whole page out at once (most of an item open's Monaco cost;
 * bench/editing-bench.ts). `created` is true when the model holds new text for the document.
 */
export function acquireModel(documentKey: string, region: EditorRegion, initialText: string, language: string): { entry: CachedModel; created: boolean } {
  const existing = cache.get(region);
  if (existing !== undefined && !existing.model.isDisposed()) {
    if (existing.documentKey === documentKey) return { entry: existing, created: false };
    if (existing.model.getLanguageId() === language) {
      existing.model.setValue(initialText);
      existing.documentKey = documentKey;
      existing.viewState = null;
      return { entry: existing, created: true };
    }
    existing.model.dispose();
  }
  const entry: CachedModel = { documentKey, model: monaco.editor.createModel(initialText, language), viewState: null };
  cache.set(region, entry);
  return { entry, created: true };
}
