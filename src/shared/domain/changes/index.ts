/** Field-level change summaries and three-way merges of front matter items, for the git features. */
export { formatChangeSummary } from './format-change-summary';
export { countBodyLines, diffFields, summariseChange } from './summarise-change';
export type { ChangeSummary, FieldChange } from './summarise-change';
export { mergeFrontMatterConflict, resolveFrontMatterMerge } from './merge-front-matter-conflict';
export type { FieldChoice, FieldConflict, FrontMatterMerge, HunkChoice, MergeResolution, MergeTextOutcome } from './merge-front-matter-conflict';
export { mergeLines } from './merge-lines';
export type { LineMergeHunk } from './merge-lines';
export { parseConflictMarkers } from './parse-conflict-markers';
export type { ConflictMarkerParse } from './parse-conflict-markers';
export { splitLines } from './split-lines';
