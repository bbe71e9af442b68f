/** The raw YAML tab: Monaco on the front matter text, in sync with the form through the buffer. */
export { RawYamlEditor } from './raw-yaml-editor';
export type { RawYamlEditorProps } from './raw-yaml-editor';
