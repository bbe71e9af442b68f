/** Folio's schema: the `.folio/schema.json` format, inference from a folder, and imports. */
export { FOLIO_SCHEMA_PATH, FOLIO_SCHEMA_VERSION, JSON_SCHEMA_DIALECT } from './folio-schema';
export type { ContentTypeDefinition, ContentTypeMatch, FolioDateFormat, FolioJsonSchema, FolioRelation, FolioSchema, FolioWidget, RuleSeverity } from './folio-schema';
export { matchGlob } from './match-glob';
export { resolveContentType } from './resolve-content-type';
export type { ResolvedContentType } from './resolve-content-type';
export { IDENTIFYING_KEYS, inferSchema } from './infer-schema';
export type { InferenceItem, InferSchemaOptions } from './infer-schema';
export { collectFieldRules, formatFieldPattern, ruleSeverity, valuesAtPattern } from './collect-field-rules';
export type { FieldPattern, FieldRule } from './collect-field-rules';
export { dateExists, formatDateParts, isEmail, isIsoDateShape, isIsoDateTimeShape, isUri, parseDateParts } from './value-formats';
export type { DateParts } from './value-formats';
export { importDecapCollection } from './import-decap-collection';
export type { DecapImportOptions } from './import-decap-collection';
export { importFrontMatterCms } from './import-front-matter-cms';
export type { SchemaImportResult } from './import-result';
export { parseFolioSchema } from './parse-folio-schema';
export type { ParseFolioSchemaResult } from './parse-folio-schema';
