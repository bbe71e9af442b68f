/** Folio's format-preserving front matter engine: split, parse, edit in place, index. */
export { createDiagnostic, hasErrors, positionAt } from './diagnostic';
export type { FrontMatterDiagnostic, FrontMatterDiagnosticCode, FrontMatterSeverity } from './diagnostic';
export { detectEol, splitFrontMatter } from './split-front-matter';
export type { EolStyle, FrontMatterSplit } from './split-front-matter';
export { formatFieldPath, parseFieldPath } from './field-path';
export type { FieldPath } from './field-path';
export { DEFAULT_FRONT_MATTER_LIMITS } from './front-matter-limits';
export type { FrontMatterLimits } from './front-matter-limits';
export { parseFrontMatterDocument } from './front-matter-document';
export type { FieldStyle, FieldType, FrontMatterDocument, FrontMatterField, YamlDocument } from './front-matter-document';
export { editFrontMatter, editFrontMatterDocument } from './edit-front-matter';
export type { DocumentEditOutcome, EditOutcome, FrontMatterEdit } from './edit-front-matter';
export { parseForIndex } from './parse-for-index';
export { replaceBody } from './replace-body';
export type { IndexParseResult } from './parse-for-index';
export type { PlainValue, ScalarStyle } from './render-scalar';
