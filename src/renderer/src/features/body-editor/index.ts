/** The Monaco body editor, and the Monaco binding the raw YAML editor shares. */
export { BodyEditor } from './body-editor';
export type { BodyEditorProps } from './body-editor';
export { MonacoTextEditor } from './monaco-text-editor';
export type { EditRefusal, MonacoTextEditorHandle, MonacoTextEditorProps } from './monaco-text-editor';
export type { EditorMarker } from './editor-marker';
export { prewarmEditor } from './editor-pool';
