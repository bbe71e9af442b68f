/** Field-level three-way merge of an open item against its changed disk version. */
export { mergeDocument, resolveDocumentMerge } from './merge-document';
export type { BodyMergeHunk, DocumentMerge, DocumentMergeOutcome, DocumentMergeResolution, FieldMergeConflict, FieldResolution, HunkResolution, MergeDocumentInput } from './merge-document';
export { formatFieldValue, parseFieldValue } from './format-field-value';
