/** The workspace file layer: path confinement, safe reads, conflict-checked atomic writes. */
export {
  MAX_RELATIVE_PATH_LENGTH,
  MAX_SEGMENT_BYTES,
  resolveWorkspacePath,
  validateWorkspaceRelativePath,
  type ResolvedWorkspacePath,
} from './resolve-workspace-path';
export {
  BINARY_SNIFF_BYTES,
  classifyTextBytes,
  MAX_EDITABLE_BYTES,
  MAX_EDITABLE_LINE_BYTES,
  PREVIEW_BYTES,
  type ClassifiedText,
  type LineEnding,
  type TextFileMode,
  type TextLimits,
} from './classify-text-bytes';
export { readTextFile, type ReadTextFileOptions, type TextFileRead } from './read-text-file';
export {
  nodeAtomicWriteOps,
  writeTextFileAtomic,
  type AtomicWriteOps,
  type WriteConflictDetail,
  type WriteTextFileInput,
  type WriteTextFileOptions,
  type WriteTextFileOutcome,
} from './write-text-file-atomic';
export { isFolioTempFile, makeFolioTempName } from './is-folio-temp-file';
export {
  cleanStrayTempFiles,
  STRAY_TEMP_MIN_AGE_MS,
  type CleanStrayTempFilesOptions,
} from './clean-stray-temp-files';
export { hashBytes, isContentHash } from './hash-bytes';
