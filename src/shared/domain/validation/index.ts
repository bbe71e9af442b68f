/** Folio's validation rules: pure functions from file facts to problems, with quick fixes as data. */
export { compareProblems } from './problem';
export type { Problem, ProblemCode, ProblemSeverity, QuickFix } from './problem';
export { quickFixToEdit } from './quick-fix-to-edit';
export { createFieldLocator } from './field-locator';
export type { FieldLocator } from './field-locator';
export { outlineFrontMatter } from './outline-front-matter';
export { findImpossibleDates } from './find-impossible-dates';
export type { ImpossibleDate } from './find-impossible-dates';
export { extractBodyLinks, resolveRelativeTarget } from './extract-body-links';
export type { BodyLink } from './extract-body-links';
export { collectFileFacts, fileProblem } from './collect-file-facts';
export type { CollectFileFactsOptions, FileFacts, KeyedValue, LinkRef, RelationRef, SchemaCheckInput } from './collect-file-facts';
export { crossFileProblems } from './cross-file-problems';
export { validateDocuments } from './validate-documents';
export type { DocumentInput, DocumentsValidation, ValidateDocumentsOptions } from './validate-documents';
