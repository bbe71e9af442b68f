import { monaco } from './monaco-host';

/** Which part of the open file a model holds. */
export type EditorRegion = 'body' | 'front-matter';

interface CachedModel {
  readonly documentKey: string;
  readonly model: monaco.editor.ITextModel;
  viewState: monaco.editor.ICodeEditorViewState | null;
}

const cache = new Map<string, CachedModel>();

/**
 * The model for one region of the open document. Models outlive the editor widgets (a Revert or a
 * tab switch remounts the editor) so their undo history survives; only the models of other
 * documents are disposed, which bounds memory to the file being edited.
 */
export function acquireModel(documentKey: string, region: EditorRegion, initialText: string, language: string): { entry: CachedModel; created: boolean } {
  for (const [key, entry] of cache) {
    if (entry.documentKey !== documentKey) {
      entry.model.dispose();
      cache.delete(key);
    }
  }
  const key = `${region}\u0000${documentKey}`;
  const existing = cache.get(key);
  if (existing && !existing.model.isDisposed()) return { entry: existing, created: false };
  const entry: CachedModel = { documentKey, model: monaco.editor.createModel(initialText, language), viewState: null };
  cache.set(key, entry);
  return { entry, created: true };
}
