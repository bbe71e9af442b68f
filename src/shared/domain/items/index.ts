/** Pure helpers for creating, naming and bulk-editing items. */
export { slugify, MAX_SLUG_LENGTH } from './slugify';
export { nextId } from './next-id';
export { todayInFormat } from './today-in-format';
export { fillTemplate, DEFAULT_DESCRIPTION_MIRRORS, DEFAULT_TITLE_MIRRORS } from './fill-template';
export type { FilledTemplate, FillTemplateOptions, TemplateValues } from './fill-template';
export { applyBulkEdit, plainValuesEqual } from './apply-bulk-edit';
export type { BulkEditOutcome, BulkFieldEdit } from './apply-bulk-edit';
export { slugFromFileName } from './slug-from-file-name';
export { fileNameForSlug, slugForAttempt } from './file-name-for-slug';
